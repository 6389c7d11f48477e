using GitOpsRunners.Tools;

namespace GitOpsRunners.Rendering;

/// <summary>The output of one kustomize build of a wrapper folder, or its error.</summary>
internal sealed record BuildResult(string WrapperDirectory, string? Output, KustomizeBuildException? Error);
