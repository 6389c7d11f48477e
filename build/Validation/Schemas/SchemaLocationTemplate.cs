using System.Text;
using System.Text.RegularExpressions;

namespace GitOpsRunners.Validation.Schemas;

/// <summary>
/// A kubeconform-style location template: literal text with <c>{{ .Name }}</c> placeholders
/// (spaces inside the braces are allowed). Parsing reports the first problem instead of throwing.
/// </summary>
public sealed partial class SchemaLocationTemplate
{
    private readonly IReadOnlyList<(bool IsVariable, string Text)> _parts;

    private SchemaLocationTemplate(string text, IReadOnlyList<(bool, string)> parts)
    {
        Text = text;
        _parts = parts;
    }

    public string Text { get; }

    public static SchemaLocationTemplate Parse(string text, out string? error)
    {
        error = null;
        var parts = new List<(bool, string)>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add((false, text[position..]));
                break;
            }

            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                error = $"unclosed action \"{text[open..]}\"";
                break;
            }

            if (open > position)
            {
                parts.Add((false, text[position..open]));
            }

            var action = text[(open + 2)..close];
            var match = Variable().Match(action);
            if (!match.Success)
            {
                error = $"unsupported template action \"{{{{{action}}}}}\"";
                break;
            }

            var name = match.Groups["name"].Value;
            if (!SchemaTemplateVariables.IsKnown(name))
            {
                error = $"can't evaluate field {name}";
                break;
            }

            parts.Add((true, name));
            position = close + 2;
        }

        return new SchemaLocationTemplate(text, parts);
    }

    public string Render(SchemaTemplateVariables variables)
    {
        var builder = new StringBuilder();
        foreach (var (isVariable, text) in _parts)
        {
            builder.Append(isVariable ? variables.Get(text) : text);
        }

        return builder.ToString();
    }

    public override string ToString() => Text;

    [GeneratedRegex(@"^\s*\.(?<name>[A-Za-z][A-Za-z0-9]*)\s*$")]
    private static partial Regex Variable();
}
