using NuGet.Versioning;

namespace GitOpsRunners.Versions.Registries;

/// <summary>A registry tag (or Helm index version string) and the semantic version it stands for.</summary>
public sealed record TaggedVersion(string Tag, NuGetVersion Version)
{
    public bool IsPrerelease => Version.IsPrerelease;

    public override string ToString() => Tag;
}
