using System.Text;
using GitOpsRunners.Git;
using GitOpsRunners.Validation.Diff;
using GitOpsRunners.Versions.Planning;

namespace GitOpsRunners.Promotion;

/// <summary>The commit and pull request of a promotion (pure): same plan, same text, so a re-run changes nothing.</summary>
public static class PromotionPullRequest
{
    public const string Label = "promotion";

    public static ChangeRequest Change(
        PromotionDraft draft,
        IReadOnlyDictionary<string, string> files,
        string baseBranch,
        IReadOnlyList<GateResult> gates,
        string validation,
        DiffReport diff
    )
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new ChangeRequest(
            draft.Route.Branch,
            baseBranch,
            files,
            CommitMessage(draft),
            Title(draft),
            Body(draft, gates, validation, diff),
            [Label]
        );
    }

    public static string Title(PromotionDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var groups = draft.Plan.Groups.Select(g => $"{g.Name} {Value(g.Changes[0].To, g.Changes[0].ToDigest)}");
        return $"Promote {string.Join(", ", groups)} from {draft.Route.From} to {draft.Route.To}";
    }

    public static string CommitMessage(PromotionDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var text = new StringBuilder()
            .Append(Title(draft))
            .Append("\n\n")
            .Append($"Carries the version pins of {draft.Route.From} at {draft.SourceSha} to {draft.Route.To}.\n\n");
        foreach (var change in draft.Plan.Changes)
        {
            text.Append(
                $"- {Component(change)}: {Value(change.From, change.FromDigest)} -> {Value(change.To, change.ToDigest)} ({change.Pin.SetAt})\n"
            );
        }

        return text.ToString();
    }

    public static string Body(PromotionDraft draft, IReadOnlyList<GateResult> gates, string validation, DiffReport diff)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(gates);
        ArgumentNullException.ThrowIfNull(diff);
        var intro = new StringBuilder()
            .Append(
                $"Carries the version pins of **{draft.Route.From}** (at `{draft.SourceSha[..12]}`) to **{draft.Route.To}**. "
            )
            .Append(
                "Cluster settings are never promoted. The table shows the target's current value and the source's.\n\n"
            )
            .Append("**Gates**\n\n");
        foreach (var gate in gates)
        {
            intro.Append($"- {(gate.Passed ? "✅" : "❌")} {gate.Name} (`{gate.Context}`): {gate.Summary}\n");
        }

        if (!gates.Any(g => g.Context == GateResult.HealthContext))
        {
            intro.Append($"- Health of {draft.Route.From}: not required (run with --require-healthy)\n");
        }

        if (!gates.Any(g => g.Context == GateResult.SoakContext))
        {
            intro.Append("- Soak: not required (run with --min-soak)\n");
        }

        intro.Append($"- Validate {draft.Route.To}: {validation}\n");
        foreach (var note in draft.Plan.Notes)
        {
            intro.Append($"\n> {note}");
        }

        foreach (var missing in draft.Plan.Missing)
        {
            intro.Append(
                $"\n> {missing.Component} ({missing.Variable ?? missing.Field}) is pinned in {draft.Route.From} but not in {draft.Route.To}; add it there by hand."
            );
        }

        var body = PullRequestBody
            .For($"promote/{draft.Route.To}")
            .WithIntro(intro.ToString())
            .WithFooter(
                $"Opened by `./build.sh Promote --from {draft.Route.From} --to {draft.Route.To} --pr`. Running it again updates this pull request; it never opens a second one."
            );
        foreach (var change in draft.Plan.Changes)
        {
            body = body.WithChange(
                new PullRequestChange(
                    Component(change),
                    Value(change.From, change.FromDigest),
                    Value(change.To, change.ToDigest)
                )
            );
        }

        var gateDetails = gates
            .Where(g => g.Details.Count > 0)
            .Select(g => $"{g.Name}:\n  {string.Join("\n  ", g.Details)}");
        if (gateDetails.Any())
        {
            body = body.WithDetails(new PullRequestDetails("Gate details", string.Join('\n', gateDetails)));
        }

        return body.WithDetails(
                new PullRequestDetails(
                    $"Rendered diff of {draft.Route.To} ({diff.Summary}; secrets masked)",
                    diff.IsEmpty ? "(no rendered object changes)\n" : diff.ToUnifiedDiff(),
                    "diff"
                )
            )
            .Render();
    }

    /// <summary>The component, with the variable that sets it when there is one.</summary>
    public static string Component(PinChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Pin.Variable is { } variable ? $"{change.Pin.Component} ({variable})" : change.Pin.Component;
    }

    /// <summary><c>2.337.0@sha256:8b8e8326b5a0</c>: the version, and the start of the digest when there is one.</summary>
    public static string Value(string version, string? digest)
    {
        if (digest is null)
        {
            return version;
        }

        var shortDigest = digest.Length > 19 ? digest[..19] : digest;
        return version.Length == 0 ? shortDigest : $"{version}@{shortDigest}";
    }
}
