namespace GitOpsRunners.Versions.Planning;

/// <summary>The largest step a bump may take: within the minor line, within the major line, or any.</summary>
public enum VersionBump
{
    Patch,
    Minor,
    Major,
}
