namespace GitOpsRunners.Versions.Lookup;

/// <summary>
/// The GitHub repository whose releases describe a component, and the tag prefix before the version
/// (<c>gha-runner-scale-set-</c> for ARC charts, <c>v</c> for most others).
/// </summary>
public sealed record ReleaseSource(string Owner, string Repository, string TagPrefix)
{
    public override string ToString() => $"{Owner}/{Repository}";
}
