using GitOpsRunners.Engine;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tools;
using GitOpsRunners.Validation.Reports;
using GitOpsRunners.Versions.Planning;

namespace GitOpsRunners;

/// <summary>
/// The targets of this repository, declared across <c>Build.*.cs</c> partials, one per target. This file
/// holds the parameters several targets share and the <see cref="Restore"/> target; <c>Build.Services.cs</c>
/// builds what they share (renderer, GitHub client, git workspace, report sink).
/// </summary>
sealed partial class Build : BuildDefinition
{
    [Parameter("Folder of the Flux tree, relative to the repository; its clusters/ sub-folders are the clusters")]
    string Root { get; set; } = "kubernetes";

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

    [Parameter("Write the --format report (json, sarif, junit, github, text) to this file instead of standard output")]
    string? Output { get; set; }

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

    [Parameter("Largest version step Bump may take: patch, minor or major")]
    VersionBump Allow { get; set; } = VersionBump.Minor;

    [Parameter("Let Bump and --check pick pre-release versions (e.g. 1.2.0-rc.1)")]
    bool PreRelease { get; set; }

    [Parameter(
        "Read an OCI registry through another base URL: host=url, e.g. ghcr.io=http://127.0.0.1:5000 (a path on the URL prefixes every repository); repeat for several"
    )]
    string[] RegistryMirror { get; set; } = [];

    [Parameter(
        "Read a Helm HTTP repository from another URL: url=url, e.g. https://charts.external-secrets.io=http://127.0.0.1:8080; repeat for several"
    )]
    string[] HelmRepositoryMirror { get; set; } = [];

    [Parameter(
        "How often a registry call is retried after a 5xx, 429 or timeout before the look-up fails",
        Minimum = 0,
        Maximum = 10
    )]
    int RegistryRetries { get; set; } = 3;

    [Parameter("Longest one kustomize build may run before its Kustomization fails, e.g. 2m, 90s")]
    string KustomizeTimeout { get; set; } = "2m";

    [Parameter("Build every kustomization afresh instead of reading kustomize outputs cached in .nuke/temp/kustomize")]
    bool NoCache { get; set; }

    [Parameter(
        "Largest size of the kustomize build cache in MiB; the least recently used entries go first",
        Minimum = 1
    )]
    int KustomizeCacheSize { get; set; } = (int)(KustomizeBuildCache.DefaultLimitBytes / (1024 * 1024));

    [Parameter(
        "Longest one network request (registry, GitHub API, schema download) may take as a whole, body included, e.g. 30s"
    )]
    string RequestTimeout { get; set; } = "30s";

    [Parameter("How long Bump or Promote waits for another run on the same clone before refusing, e.g. 10s")]
    string LockWait { get; set; } = "10s";

    [Parameter("Kubeconfig file for Smoke (default: KUBECONFIG, else ~/.kube/config, else in-cluster)")]
    string? Kubeconfig { get; set; }

    [Parameter("Kubeconfig context for Smoke (default: the current context)")]
    string? Context { get; set; }

    [Parameter("GitHub repository (owner/name) for pull requests (default: parsed from the origin remote)")]
    string? GitHubRepository { get; set; }

    [Parameter(
        "GitHub REST API base URL for releases, pull requests and statuses (default https://api.github.com; Actions sets GITHUB_API_URL)"
    )]
    string? GitHubApiUrl { get; set; }

    [Parameter("GitHub token for pull requests and GitHub API look-ups")]
    [Secret]
    string? GitHubToken { get; set; }

    static readonly string[] DefaultSchemaLocations =
    [
        "default",
        "https://raw.githubusercontent.com/datreeio/CRDs-catalog/main/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json",
    ];

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
