using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Validation.Rules;

/// <summary>Maps a field of a rendered object back to the line of its source file that sets it.</summary>
public interface ISourceLocator
{
    SourceLocation Locate(Manifest manifest, params string[] path);
}
