using GitOpsRunners.Git;

namespace GitOpsRunners.Promotion;

/// <summary>
/// With <c>--pr</c>: the gate results as commit statuses on the promotion branch (<c>promotion/soak</c>,
/// <c>promotion/health</c>), so the pull request shows them; <see cref="Token"/> reads origin's branch tip.
/// </summary>
public sealed class GateStatuses(CommitStatusPublisher statuses, GitHubRepository repository, string? token)
{
    public string? Token => token;

    public async Task SetAsync(string sha, IReadOnlyList<GateResult> gates, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(gates);
        foreach (var gate in gates)
        {
            await statuses.SetAsync(repository, sha, Status(gate), ct).ConfigureAwait(false);
        }
    }

    private static CommitStatusSpec Status(GateResult gate) =>
        new(gate.Context, gate.Passed ? CommitStatusState.Success : CommitStatusState.Failure, gate.Summary);
}
