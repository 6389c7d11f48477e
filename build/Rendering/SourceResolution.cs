using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Rendering;

/// <summary>Where a Kustomization's source is on disk; or why it is skipped; or what it waits for.</summary>
internal sealed record SourceResolution(string? Root, Finding? Skip = null, Finding? Defer = null);
