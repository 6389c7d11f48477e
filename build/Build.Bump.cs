using GitOpsRunners.Diagnostics;
using GitOpsRunners.Engine;
using GitOpsRunners.Git;
using GitOpsRunners.Manifests;
using GitOpsRunners.Promotion;
using GitOpsRunners.Validation.Reports;
using GitOpsRunners.Versions.Bump;
using GitOpsRunners.Versions.Lookup;
using GitOpsRunners.Versions.Planning;

namespace GitOpsRunners;

sealed partial class Build
{
    static readonly GitAuthor BumpAuthor = new("gitops-runners[bot]", "gitops-runners@users.noreply.github.com");

    [Parameter(
        "Bump: change a later stage of the promotion order directly instead of promoting to it (needs --force-reason)"
    )]
    bool Force { get; set; }

    [Parameter("Bump: why --force bypasses the promotion order; written into the commit message and the pull request")]
    string? ForceReason { get; set; }

    Target Bump =>
        _ =>
            _.Description(
                    "Look up newer charts and runner images for one cluster and edit the pins, or open one pull request per group with --pr"
                )
                .Requires(() => GitHubToken)
                .When(() => Pr && !DryRun)
                .Executes(async ct =>
                {
                    if (Format is not (ReportFormat.Text or ReportFormat.Json))
                    {
                        throw new UsageException(
                            $"Bump writes its plan as text or json, not {Format.ToString().ToLowerInvariant()}: use --format text or --format json."
                        );
                    }

                    // A tree without promotion.yaml has no order to keep: --cluster names the cluster to bump.
                    var order =
                        Cluster is null || PromotionOrder.Exists(Layout.Root, Layout.KubernetesFolder)
                            ? PromotionOrder.Load(Layout.Root, Layout.KubernetesFolder)
                            : null;
                    var cluster = Cluster ?? order!.First;
                    var forceReason = BumpStage.Check(order, cluster, Force, ForceReason);
                    using var held = DryRun ? null : await LockCloneAsync(Pr ? "Bump --pr" : "Bump", ct);
                    var pins = await Status.RunAsync(
                        $"Rendering {cluster}",
                        token => ReadPinsAsync(cluster, token),
                        ct
                    );
                    using var http = CreateRegistryHttp();
                    using var git = Pr && !DryRun ? OpenGit() : null;
                    var service = new BumpService(
                        Console,
                        Layout.Root,
                        CreateLookup(http),
                        CreateDelivery(git, BumpAuthor),
                        CreateBumpCheck(http)
                    );
                    var outcome = await service.RunAsync(
                        pins,
                        new BumpOptions(cluster, new BumpPolicy(Allow, PreRelease, Only), forceReason),
                        git is null ? null : new BumpPublishing(git, git.DefaultBaseRevision()),
                        ct
                    );

                    foreach (var warning in outcome.Warnings)
                    {
                        Host.Annotate(Severity.Warning, warning, null);
                    }

                    Host.AppendStepSummary(BumpConsole.Markdown(cluster, outcome.Plan));
                    if (Format == ReportFormat.Json)
                    {
                        await Sink.WriteAsync(BumpReport.Json(cluster, outcome.Plan) + "\n", "json", ct);
                    }

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
}
