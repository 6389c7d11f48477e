using YamlDotNet.Core;

namespace GitOpsRunners.Versions.Editing;

/// <summary>
/// A scalar found in a YAML text: its document, key path (null below a non-scalar key), value and style,
/// and the character span [<see cref="Start"/>, <see cref="End"/>) of its token in the original text
/// (quotes included, anchor and tag excluded). <see cref="Line"/> and <see cref="Column"/> are 1-based.
/// </summary>
public sealed record YamlScalarSpan(
    int Document,
    string? Path,
    bool IsKey,
    string Value,
    ScalarStyle Style,
    int Start,
    int End,
    int Line,
    int Column
)
{
    public YamlScalarAddress Address =>
        Path is not null && !IsKey ? YamlScalarAddress.AtPath(Path, Document) : YamlScalarAddress.AtMark(Line, Column);
}
