namespace GitOpsRunners.Engine;

/// <summary>How one planned target ended; <see cref="Reason"/> explains a skip or failure.</summary>
public sealed record TargetResult(string Name, TargetStatus Status, TimeSpan Duration, string? Reason = null)
{
    public IReadOnlyList<string> Notes { get; init; } = [];
}
