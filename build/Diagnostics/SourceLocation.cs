namespace GitOpsRunners.Diagnostics;

/// <summary>
/// Where something came from: a path relative to the repository root (forward slashes),
/// a 1-based line and an optional 1-based column.
/// </summary>
public sealed record SourceLocation(string File, int Line, int Column = 0)
{
    public override string ToString() => Column > 0 ? $"{File}:{Line}:{Column}" : $"{File}:{Line}";
}
