using GitOpsRunners.Diagnostics;
using GitOpsRunners.Validation;

namespace GitOpsRunners.Rendering;

/// <summary>A Kustomization's source artifact; or why it is skipped; or what it waits for.</summary>
internal sealed record SourceResolution(SourceArtifact? Artifact, Finding? Skip = null, Finding? Defer = null);
