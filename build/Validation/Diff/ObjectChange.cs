namespace GitOpsRunners.Validation.Diff;

/// <summary>One object that differs between two renderings of a cluster, with its unified diff.</summary>
public sealed record ObjectChange(string Cluster, string Object, ChangeKind Kind, string UnifiedDiff);
