using GitOpsRunners.Manifests;
namespace GitOpsRunners.Rendering;
public sealed record RenderedObject(Manifest Manifest, string AppliedBy);
