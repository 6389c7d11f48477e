namespace GitOpsRunners.Versions.Planning;

/// <summary>The kind of change, as Renovate names it: a version step, or a new digest for the same tag.</summary>
public enum UpdateType
{
    Patch,
    Minor,
    Major,
    Digest,
}
