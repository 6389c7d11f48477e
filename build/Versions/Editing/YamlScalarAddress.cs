namespace GitOpsRunners.Versions.Editing;

/// <summary>
/// Which scalar of a YAML text an edit means: a key path (<see cref="YamlPath"/>) in the 0-based
/// document <see cref="Document"/>, or the 1-based <see cref="Line"/> and <see cref="Column"/> where
/// the scalar (or its anchor/tag) starts, as YamlDotNet marks report them.
/// </summary>
public sealed record YamlScalarAddress(int Document, string? Path, int Line = 0, int Column = 0)
{
    public static YamlScalarAddress AtPath(string path, int document = 0) => new(document, path);

    public static YamlScalarAddress AtMark(int line, int column) => new(0, null, line, column);

    public bool IsMark => Path is null;

    public override string ToString() => IsMark ? $"line {Line}, column {Column}" : $"'{Path}' in document {Document}";
}
