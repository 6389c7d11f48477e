using GitOpsRunners.Diagnostics;
using GitOpsRunners.Engine;
using GitOpsRunners.Git;
using GitOpsRunners.Promotion;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tools;
using GitOpsRunners.Validation;
using GitOpsRunners.Versions.Bump;
using GitOpsRunners.Versions.Lookup;
using GitOpsRunners.Versions.Planning;
using GitOpsRunners.Versions.Registries;

namespace GitOpsRunners;

sealed partial class Build
{
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

    [Parameter("How often a registry call is retried after a 5xx, 429 or timeout before the look-up fails")]
    int RegistryRetries { get; set; } = 3;

    Target Bump =>
        _ =>
            _.Description(
                    "Look up newer charts and runner images for one cluster and edit the pins, or open one pull request per group with --pr"
                )
                .Executes(async ct =>
                {
                    var cluster = Cluster ?? PromotionOrder.Load(FluxTree.Root, FluxTree.KubernetesFolder).First;
                    var options = new BumpOptions(cluster, new BumpPolicy(Allow, PreRelease, Only), DryRun, Pr);
                    if (Pr && !DryRun && string.IsNullOrEmpty(GitHubToken))
                    {
                        throw new UsageException(
                            "--pr pushes a branch and opens a pull request: set GITHUB_TOKEN to a token with contents: write and pull-requests: write."
                        );
                    }

                    var pins = await Status.RunAsync(
                        $"Rendering {cluster}",
                        token => ReadPinsAsync(cluster, token),
                        ct
                    );
                    using var http = RegistryHttp.CreateClient(
                        new RegistryHttpOptions { MaxRetryAttempts = Math.Max(0, RegistryRetries) }
                    );
                    var service = new BumpService(Console, FluxTree.Root, CreateLookup(http, releases: true));
                    using var git = Pr && !DryRun ? GitWorkspace.Open(FluxTree.Root) : null;
                    var outcome = await service.RunAsync(pins, options, git is null ? null : Publishing(git), ct);

                    foreach (var warning in outcome.Warnings)
                    {
                        Host.Annotate(Severity.Warning, warning, null);
                    }

                    Host.AppendStepSummary(BumpConsole.Markdown(cluster, outcome.Plan));
                    AddNote(
                        outcome.Plan.IsEmpty ? "nothing to bump"
                        : outcome.Published.Count > 0 ? $"{outcome.Published.Count} pull request(s)"
                        : DryRun ? $"{outcome.Plan.Groups.Count} group(s) planned"
                        : $"{outcome.ChangedFiles.Count} file(s) changed"
                    );
                });

    async Task<IReadOnlyList<Versions.Pins.VersionPin>> ReadPinsAsync(string cluster, CancellationToken ct)
    {
        using var renderer = new FluxRenderer(KustomizeCli.Locate());
        return await ClusterPins.ReadAsync(renderer, FluxTree, cluster, ct);
    }

    VersionLookup CreateLookup(HttpClient http, bool releases)
    {
        var mirrors = RegistryMirrors.Parse(RegistryMirror, HelmRepositoryMirror);
        var gitHub = releases
            ? new ReleaseLookup(
                GitHubClientFactory.Create(GitHubToken, GitHubClientFactory.ApiBaseAddress(GitHubApiUrl))
            )
            : null;
        return new VersionLookup(
            new OciRegistryClient(http),
            new HelmRepositoryClient(http),
            new GitTagLister(),
            mirrors,
            gitHub
        );
    }

    BumpPublishing Publishing(GitWorkspace git)
    {
        var repository = ResolveGitHubRepository(git);
        var client = GitHubClientFactory.Create(GitHubToken, GitHubClientFactory.ApiBaseAddress(GitHubApiUrl));
        var author = new GitAuthor("gitops-runners[bot]", "gitops-runners@users.noreply.github.com");
        var publisher = new ChangePublisher(git, new PullRequestPublisher(client), repository, author, GitHubToken);
        return new BumpPublishing(git, publisher, BaseRevision(git));
    }

    /// <summary>The default branch as origin has it (<c>origin/main</c>), else the local one.</summary>
    static string BaseRevision(GitWorkspace git)
    {
        var branch = git.DefaultBranch();
        var name =
            branch.StartsWith("refs/remotes/origin/", StringComparison.Ordinal)
                ? branch["refs/remotes/origin/".Length..]
            : branch.StartsWith("refs/heads/", StringComparison.Ordinal) ? branch["refs/heads/".Length..]
            : branch;
        return HasRevision(git, $"origin/{name}") ? $"origin/{name}" : name;
    }

    static bool HasRevision(GitWorkspace git, string revision)
    {
        try
        {
            _ = git.ReadFile(revision, "README.md");
            return true;
        }
        catch (BuildException)
        {
            return false;
        }
    }
}
