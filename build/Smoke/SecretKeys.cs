namespace GitOpsRunners.Smoke;

/// <summary>What the smoke checks keep of a Secret: where it is and the names of its keys. Values are never kept.</summary>
public sealed record SecretKeys(string Namespace, string Name, IReadOnlyList<string> Keys);
