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
    Target Bump =>
        _ =>
            _.Description(
                    "Look up newer charts and runner images for one cluster and edit the pins, or open one pull request per group with --pr"
                )
                .Requires(() => GitHubToken)
                .When(() => Pr && !DryRun)
                .Executes(async ct =>
                {
                    var cluster = Cluster ?? PromotionOrder.Load(Layout.Root, Layout.KubernetesFolder).First;
                    var options = new BumpOptions(cluster, new BumpPolicy(Allow, PreRelease, Only), DryRun, Pr);

                    var pins = await Status.RunAsync(
                        $"Rendering {cluster}",
                        token => ReadPinsAsync(cluster, token),
                        ct
                    );
                    using var http = CreateRegistryHttp();
                    var service = new BumpService(Console, Layout.Root, CreateLookup(http));
                    using var git = Pr && !DryRun ? OpenGit() : null;
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
        using var renderer = CreateRenderer();
        return await ClusterPins.ReadAsync(renderer, Layout, cluster, ct);
    }

    BumpPublishing Publishing(GitWorkspace git)
    {
        var repository = ResolveGitHubRepository(git);
        var author = new GitAuthor("gitops-runners[bot]", "gitops-runners@users.noreply.github.com");
        var publisher = new ChangePublisher(git, new PullRequestPublisher(GitHub), repository, author, GitHubToken);
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
