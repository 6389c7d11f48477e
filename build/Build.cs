using GitOpsRunners.Engine;
using GitOpsRunners.Tools;
using GitOpsRunners.Validation.Reports;
using Spectre.Console;

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

    [Parameter("Longest one kustomize build may run before its Kustomization fails, e.g. 2m, 90s")]
    string KustomizeTimeout { get; set; } = "2m";

    [Parameter(
        "Longest one network request (registry, GitHub API, schema download) may take as a whole, body included, e.g. 30s"
    )]
    string RequestTimeout { get; set; } = "30s";

    [Parameter("How long Bump or Promote waits for another run on the same clone before refusing, e.g. 10s")]
    string LockWait { get; set; } = "10s";

    DotNetCli DotNet { get; } = new();

    /// <summary>
    /// This clone's lock for Bump and Promote: a second run waits up to <c>--lock-wait</c>, then refuses with one
    /// line. Null outside a git clone (nothing to race on).
    /// </summary>
    async Task<Git.RepositoryLock?> LockCloneAsync(string doing, CancellationToken ct)
    {
        var wait = DurationText.ParseOption("--lock-wait", LockWait, TimeSpan.FromHours(1));
        Git.GitWorkspace git;
        try
        {
            git = Git.GitWorkspace.Open(RootDirectory);
        }
        catch (BuildException)
        {
            return null;
        }

        using (git)
        {
            return await git.LockAsync(doing, wait, ct);
        }
    }

    static readonly TimeSpan LongestWait = TimeSpan.FromDays(30);

    /// <summary><c>--request-timeout</c> as a duration (a usage error when it is not one).</summary>
    TimeSpan RequestTimeLimit => DurationText.ParseOption("--request-timeout", RequestTimeout, TimeSpan.FromHours(1));

    /// <summary>
    /// kustomize (or kubectl kustomize) with this run's time limit; a build still running after a while is named
    /// on the console, and kustomize's full message goes to the verbose log when a finding shows it cut short.
    /// </summary>
    KustomizeCli Kustomize()
    {
        var limit = DurationText.ParseOption("--kustomize-timeout", KustomizeTimeout, LongestWait);
        var console = Console;
        var verbose = Verbosity == Verbosity.Verbose;
        return KustomizeCli
            .Locate()
            .WithTimeLimit(limit)
            .WithSlowBuildNotice(
                limit / 2 < TimeSpan.FromSeconds(10) ? limit / 2 : TimeSpan.FromSeconds(10),
                line => console.MarkupLine($"[yellow]{Spectre.Console.Markup.Escape(line)}[/]")
            )
            .WithVerboseLog(line =>
            {
                if (verbose)
                {
                    console.MarkupLine($"[grey]{Spectre.Console.Markup.Escape(line)}[/]");
                }
            });
    }

    /// <summary>A GitHub API client for <c>--github-api-url</c>, each request bounded by <c>--request-timeout</c>.</summary>
    Octokit.IGitHubClient GitHubClient(string? token) =>
        Git.GitHubClientFactory.Create(token, Git.GitHubClientFactory.ApiBaseAddress(GitHubApiUrl), RequestTimeLimit);

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
