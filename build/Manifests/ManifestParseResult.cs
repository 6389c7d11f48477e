using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Manifests;

/// <summary>Objects read from YAML documents, and what was missing from the ones that are not objects.</summary>
public sealed record ManifestParseResult(IReadOnlyList<Manifest> Manifests, IReadOnlyList<Finding> Findings);
