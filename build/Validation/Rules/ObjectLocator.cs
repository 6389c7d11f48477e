using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Validation.Rules;

/// <summary>The fallback locator: every field is reported at the object's own first line.</summary>
public sealed class ObjectLocator : ISourceLocator
{
    public static ObjectLocator Instance { get; } = new();

    public SourceLocation Locate(Manifest manifest, params string[] path) => manifest.Location;
}
