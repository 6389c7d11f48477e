namespace GitOpsRunners.Versions.Planning;

/// <summary>Changes that belong in one pull request: the <c>arc</c> group, or one component.</summary>
public sealed record PinChangeGroup(string Name, IReadOnlyList<PinChange> Changes);
