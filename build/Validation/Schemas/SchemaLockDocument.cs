namespace GitOpsRunners.Validation.Schemas;

/// <summary>The JSON form of <c>.nuke/schemas/lock.json</c>.</summary>
public sealed record SchemaLockDocument(string? KubernetesVersion, IReadOnlyList<SchemaLockEntry>? Schemas);
