using GitOpsRunners.Engine;
using GitOpsRunners.Git;
using GitOpsRunners.Manifests;
using GitOpsRunners.Promotion;

namespace GitOpsRunners;

sealed partial class Build
{
    [Parameter("Promote: the cluster whose version pins move on (a stage of kubernetes/promotion.yaml)")]
    string? From { get; set; }

    [Parameter("Promote: the cluster that receives them (default: the stage after --from)")]
    string? To { get; set; }

    [Parameter("Promote: run the Smoke checks against --from first and refuse when anything is unhealthy")]
    bool RequireHealthy { get; set; }

    [Parameter(
        "Promote: kubeconfig file of the --from cluster for --require-healthy (default: --kubeconfig, else KUBECONFIG, else ~/.kube/config)"
    )]
    string? FromKubeconfig { get; set; }

    [Parameter(
        "Promote: kubeconfig context of the --from cluster for --require-healthy (default: --context, else the current context)"
    )]
    string? FromContext { get; set; }

    [Parameter("Promote: how long the pins must have been on the default branch, e.g. 1d, 36h")]
    string? MinSoak { get; set; }

    static readonly GitAuthor PromotionAuthor = new("gitops-runners", "gitops-runners@users.noreply.github.com");

    Target Promote =>
        _ =>
            _.Description(
                    "Carry the version pins of --from to the next stage: plan, gate, validate and diff, then write them, or open a pull request with --pr"
                )
                .Requires(() => From)
                .Requires(() => GitHubToken)
                .When(() => Pr && !DryRun)
                .Executes(async ct =>
                {
                    var options = new PromotionOptions(
                        Layout.Root,
                        Layout.KubernetesFolder,
                        From!,
                        To,
                        Only,
                        MinSoak is null ? null : SoakDuration.Parse(MinSoak),
                        RequireHealthy,
                        Path.Combine(TemporaryDirectory, "promote")
                    );
                    using var git = OpenGit();
                    using var held = await LockCloneAsync(Pr ? "Promote --pr" : "Promote", ct);
                    var checks = new PromotionChecks(
                        CreateRenderer,
                        (cluster, tree, token) => RunValidationAsync(cluster, tree, token),
                        (cluster, token) =>
                            RunSmokeAsync(cluster, FromKubeconfig ?? Kubeconfig, FromContext ?? Context, token),
                        TimeProvider.System
                    );
                    var statuses =
                        Pr && !DryRun
                            ? new GateStatuses(
                                new CommitStatusPublisher(GitHub),
                                ResolveGitHubRepository(git),
                                GitHubToken
                            )
                            : null;
                    var service = new PromotionService(
                        Console,
                        git,
                        checks,
                        CreateDelivery(git, PromotionAuthor),
                        statuses
                    );
                    var outcome = await service.RunAsync(options, ct);

                    if (outcome.Diff is { } diff)
                    {
                        Host.AppendStepSummary(diff.ToMarkdown());
                    }

                    var changes = outcome.Draft.Plan.Changes.Count();
                    AddNote(
                        outcome.UpToDate ? "up to date"
                        : outcome.Delivered.Published is [var published, ..]
                            ? $"#{published.PullRequest.Number} {published.PullRequest.Outcome.ToString().ToLowerInvariant()}"
                        : DryRun ? $"dry run: {changes} pin change(s)"
                        : $"{changes} pin change(s) written"
                    );
                });
}
