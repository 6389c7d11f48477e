namespace GitOpsRunners.Smoke;

/// <summary>One entry of <c>status.conditions</c>.</summary>
public sealed record ClusterCondition(
    string Type,
    string Status,
    string? Reason,
    string? Message,
    long? ObservedGeneration
)
{
    public bool IsTrue => Status == "True";

    public override string ToString() =>
        $"{Type}={Status}"
        + (Reason is { Length: > 0 } ? $" {Reason}" : "")
        + (Message is { Length: > 0 } ? $": {Message}" : "");
}
