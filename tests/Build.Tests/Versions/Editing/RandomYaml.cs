using System.Text;

namespace GitOpsRunners.Tests.Versions.Editing;

/// <summary>
/// Generates varied YAML texts from a seeded <see cref="Random"/>: several documents, block and flow
/// collections, plain/single/double-quoted and block scalars, anchors and aliases, tags, comments,
/// unicode, LF or CRLF, an optional byte order mark and an optional trailing newline.
/// </summary>
internal sealed class RandomYaml(Random random)
{
    private static readonly string[] Words =
    [
        "alpha",
        "v1.2.3",
        "0.14.2",
        "ghcr.io/x/y:1.2.3@sha256:abc",
        "clé",
        "中文",
        "😀ok",
        "a-b_c",
        "42",
        "true",
        "3.5",
        "https://example.com/x",
        "null",
    ];
    private readonly List<string> _anchors = [];
    private int _keys;

    public string Next()
    {
        _anchors.Clear();
        var text = new StringBuilder();
        if (random.Next(4) == 0)
        {
            text.Append("# leading comment\n");
        }

        var documents = random.Next(1, 4);
        for (var d = 0; d < documents; d++)
        {
            if (d > 0 || random.Next(2) == 0)
            {
                text.Append(random.Next(3) == 0 ? "--- # doc\n" : "---\n");
            }

            _anchors.Clear();
            Mapping(text, 0, random.Next(2, 6), depth: 0);
            if (random.Next(5) == 0)
            {
                text.Append("...\n");
            }
        }

        var result = text.ToString();
        if (random.Next(3) == 0)
        {
            result = result.TrimEnd('\n');
        }

        if (random.Next(2) == 0)
        {
            result = result.Replace("\n", "\r\n", StringComparison.Ordinal);
        }

        return random.Next(4) == 0 ? "\uFEFF" + result : result;
    }

    private void Mapping(StringBuilder text, int indent, int entries, int depth)
    {
        for (var i = 0; i < entries; i++)
        {
            var pad = new string(' ', indent);
            if (random.Next(6) == 0)
            {
                text.Append(pad).Append("# about the next key\n");
            }

            text.Append(pad).Append(Key()).Append(':');
            Value(text, indent, depth);
        }
    }

    private void Value(StringBuilder text, int indent, int depth)
    {
        var choice = depth >= 3 ? random.Next(6) : random.Next(14);
        var inner = new string(' ', indent + 2);
        switch (choice)
        {
            case 10:
                text.Append('\n');
                for (var i = random.Next(1, 3); i > 0; i--)
                {
                    text.Append(inner)
                        .Append("- ")
                        .Append(Key())
                        .Append(": ")
                        .Append(Scalar(inFlow: false))
                        .Append('\n');
                    PlainScalarLine(text.Append(inner).Append("  ").Append(Key()).Append(": "));
                }

                break;
            case 11:
                text.Append(" first part\n").Append(inner).Append("continued plain\n");
                break;
            case 12:
                text.Append(" \"folded\n").Append(inner).Append("double \\\"quoted\"\n");
                break;
            case 13:
                text.Append(
                    random.Next(2) == 0
                        ? "\n"
                        : " [" + Scalar(inFlow: true) + ", {" + Key() + ": " + Scalar(inFlow: true) + "}]\n"
                );
                break;
            case 6:
                text.Append('\n');
                Mapping(text, indent + 2, random.Next(1, 4), depth + 1);
                break;
            case 7:
                text.Append('\n');
                for (var i = random.Next(1, 4); i > 0; i--)
                {
                    PlainScalarLine(text.Append(inner).Append("- "));
                }

                break;
            case 8:
                text.Append(" {")
                    .Append(Key())
                    .Append(": ")
                    .Append(Scalar(inFlow: true))
                    .Append(", ")
                    .Append(Key())
                    .Append(": [")
                    .Append(Scalar(inFlow: true))
                    .Append(", ")
                    .Append(Scalar(inFlow: true))
                    .Append("]}")
                    .Append(Comment())
                    .Append('\n');
                break;
            case 9:
                text.Append(" |\n").Append(inner).Append("line one\n").Append(inner).Append("line two\n");
                break;
            case 5 when _anchors.Count > 0:
                text.Append(" *").Append(_anchors[random.Next(_anchors.Count)]).Append(Comment()).Append('\n');
                break;
            default:
                PlainScalarLine(text.Append(' ').Append(Properties()));
                break;
        }
    }

    /// <summary>Ends a block line with a plain scalar, maybe a comment, and the line break.</summary>
    private void PlainScalarLine(StringBuilder text) =>
        text.Append(Scalar(inFlow: false)).Append(Comment()).Append('\n');

    private string Properties()
    {
        var properties = "";
        if (random.Next(6) == 0)
        {
            var anchor = "a" + _anchors.Count;
            _anchors.Add(anchor);
            properties += "&" + anchor + " ";
        }

        if (random.Next(8) == 0)
        {
            properties += "!!str ";
        }

        return properties;
    }

    private string Scalar(bool inFlow)
    {
        var word = Words[random.Next(Words.Length)];
        return random.Next(4) switch
        {
            0 => "'" + word.Replace("'", "''", StringComparison.Ordinal) + (random.Next(3) == 0 ? " it''s" : "") + "'",
            1 => "\"" + word + (random.Next(3) == 0 ? " \\\"q\\\" \\t\\u00e9" : "") + "\"",
            _ when inFlow && word.Contains(':', StringComparison.Ordinal) => "\"" + word + "\"",
            _ => word,
        };
    }

    private string Comment() => random.Next(4) == 0 ? "  # note: keep" : "";

    private string Key() =>
        random.Next(8) switch
        {
            0 => $"clé{_keys++}",
            1 => $"'k {_keys++}'",
            2 => $"\"k.{_keys++}\"",
            _ => $"k{_keys++}",
        };
}
