namespace GitOpsRunners.Smoke;

/// <summary>A Kubernetes Event about one object (only Warning events are read); <paramref name="Namespace"/> is the object's, null when it is cluster-scoped.</summary>
public sealed record ClusterEvent(
    string? Namespace,
    string InvolvedKind,
    string InvolvedName,
    string Type,
    string Reason,
    string Message,
    int Count,
    DateTimeOffset? LastSeen
)
{
    public string InvolvedId =>
        Namespace is null ? $"{InvolvedKind}/{InvolvedName}" : $"{InvolvedKind}/{Namespace}/{InvolvedName}";

    public override string ToString() => $"{Type} {Reason}: {Message}" + (Count > 1 ? $" (x{Count})" : "");
}
