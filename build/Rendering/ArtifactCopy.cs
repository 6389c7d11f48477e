namespace GitOpsRunners.Rendering;

/// <summary>
/// One ArtifactGenerator copy operation with its source resolved: <paramref name="SourceRoot"/> is the alias's
/// artifact, <paramref name="Pattern"/> the path or glob after <c>@alias/</c>, <paramref name="To"/> the path after
/// <c>@artifact/</c> (a trailing '/' means a folder), <paramref name="Strategy"/> as written (null: Overwrite).
/// </summary>
internal sealed record ArtifactCopy(
    string SourceRoot,
    string Pattern,
    string To,
    IReadOnlyList<string> Exclude,
    string? Strategy = null
)
{
    public string Key => $"{SourceRoot}|{Pattern}|{To}|{string.Join(',', Exclude)}|{Strategy}";
}
