using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Smoke;

/// <summary>
/// A Flux Kustomization of the repository. <paramref name="TracksRevision"/> is true when its source is this repository
/// (a GitRepository the repository does not define itself, i.e. the one <c>flux bootstrap</c> created), so its
/// <c>lastAppliedRevision</c> must name the expected commit.
/// </summary>
public sealed record ExpectedKustomization(ObjectKey Key, bool TracksRevision, SourceLocation? Location = null);
