using GitOpsRunners.Validation;
namespace GitOpsRunners.Rendering;
public sealed record RenderedCluster(string Name, IReadOnlyList<RenderedObject> Objects, IReadOnlyList<Finding> Findings);
