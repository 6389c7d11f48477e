namespace GitOpsRunners.Smoke;

/// <summary>A CustomResourceDefinition (<c>plural.group</c>) that must serve <paramref name="Version"/>.</summary>
public sealed record ExpectedCrd(string Name, string Group, string Version, string Kind);
