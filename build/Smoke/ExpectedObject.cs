using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Smoke;

/// <summary>An object the repository defines (or references, like the bootstrap GitRepository) that must be Ready in the cluster.</summary>
public sealed record ExpectedObject(ObjectKey Key, SourceLocation? Location = null);
