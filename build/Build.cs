using GitOpsRunners.Engine;
using GitOpsRunners.Tools;
using GitOpsRunners.Validation.Reports;

namespace GitOpsRunners;

/// <summary>
/// The targets of this repository, declared across <c>Build.*.cs</c> partials. This file holds the
/// parameters every target shares and the <see cref="Restore"/> target.
/// </summary>
sealed partial class Build : BuildDefinition
{
    [Parameter("Cluster to work on: a folder name under kubernetes/clusters/ (default: every cluster)")]
    string? Cluster { get; set; }

    [Parameter("Kubernetes version whose API schemas manifests are checked against")]
    string KubernetesVersion { get; set; } = "1.36.0";

    [Parameter("Where JSON schemas come from, tried in order: folders or URL templates; repeat the option for several")]
    string[] SchemaLocation { get; set; } = [];

    [Parameter("Accept resources whose schema is found in no schema location instead of failing")]
    bool IgnoreMissingSchemas { get; set; }

    [Parameter("Report format for findings")]
    ReportFormat Format { get; set; } = ReportFormat.Text;

    [Parameter("Renovate configuration schema used to check renovate.json: a file path or a URL")]
    string? RenovateSchema { get; set; }

    [Parameter("Show what would change without writing files, branches or pull requests")]
    bool DryRun { get; set; }

    [Parameter("Commit the change on its own branch, push it and open or update its pull request")]
    bool Pr { get; set; }

    [Parameter(
        "Limit Bump or Promote to one component (e.g. external-secrets, actions-runner, or arc for both ARC charts)"
    )]
    string? Only { get; set; }

    [Parameter("GitHub repository (owner/name) for pull requests (default: parsed from the origin remote)")]
    string? GitHubRepository { get; set; }

    [Parameter(
        "GitHub REST API base URL for releases, pull requests and statuses (default https://api.github.com; Actions sets GITHUB_API_URL)"
    )]
    string? GitHubApiUrl { get; set; }

    [Parameter("GitHub token for pull requests and GitHub API look-ups")]
    [Secret]
    string? GitHubToken { get; set; }

    DotNetCli DotNet { get; } = new();

    /// <summary>The repository and Flux tree that <c>--root</c> names (see <see cref="Rendering.RepositoryLayoutResolver"/>).</summary>
    Rendering.RepositoryLayout FluxTree =>
        Rendering.RepositoryLayoutResolver.Resolve(RootDirectory, Root, WorkingDirectory);

    /// <summary><c>--github-repository owner/name</c>, else the owner and name of the origin remote.</summary>
    Git.GitHubRepository ResolveGitHubRepository(Git.GitWorkspace git) =>
        GitHubRepository is { } named ? Git.GitHubRepository.Parse(named) : git.OwnerAndRepository();

    /// <summary>The solution file at the repository root.</summary>
    string Solution =>
        Directory
            .EnumerateFiles(RootDirectory)
            .Where(f => Path.GetExtension(f) is ".slnx" or ".sln")
            .Order(StringComparer.Ordinal)
            .FirstOrDefault()
        ?? throw new BuildException(
            $"No .sln or .slnx file in {RootDirectory}; the build expects the solution at the repository root."
        );

    Target Restore =>
        _ =>
            _.Description("Restore the NuGet packages of the solution")
                .Executes(ct => DotNet.RestoreAsync(Solution, RootDirectory, ct));
}
