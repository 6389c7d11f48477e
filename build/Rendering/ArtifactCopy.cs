namespace GitOpsRunners.Rendering;

/// <summary>
/// One ArtifactGenerator copy rule with its source resolved: <paramref name="Pattern"/> is the glob after
/// <c>@alias/</c>, <paramref name="To"/> the path after <c>@artifact/</c> (ending in '/' for a folder).
/// </summary>
internal sealed record ArtifactCopy(string SourceRoot, string Pattern, string To, IReadOnlyList<string> Exclude)
{
    public string Key => $"{SourceRoot}|{Pattern}|{To}|{string.Join(',', Exclude)}";
}
