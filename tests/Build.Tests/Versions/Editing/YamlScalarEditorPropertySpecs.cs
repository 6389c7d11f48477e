using GitOpsRunners.Versions.Editing;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GitOpsRunners.Tests.Versions.Editing;

public sealed class YamlScalarEditorPropertySpecs
{
    private const int Seed = 20_260_611;
    private const int Cases = 600;

    private static readonly string[] NewValues =
    [
        "0.15.0",
        "v2.0.0-rc.1",
        "1.10",
        "true",
        "null",
        "",
        " padded ",
        "with: colon",
        "hash #tag",
        "it's",
        "say \"hi\"",
        "back\\slash",
        "a,b[c]{d}",
        "- dash",
        "line\nbreak",
        "tab\there",
        "é中😀",
        "2.338.0@sha256:0123abcd",
        "~",
        "0x1F",
        "*star",
        "&amp",
    ];

    [Fact]
    public void An_edit_changes_only_the_edited_scalar_in_the_tree_and_only_its_span_in_the_text()
    {
        // Arrange
        var random = new Random(Seed);
        var generator = new RandomYaml(random);
        var checkedCases = 0;
        var seen = new HashSet<string>();

        for (var i = 0; i < Cases; i++)
        {
            var text = generator.Next();
            var targets = YamlScalarEditor
                .Scalars(text)
                .Where(s =>
                    !s.IsKey
                    && s.Path is not null
                    && s.End > s.Start
                    && s.Style is not ScalarStyle.Literal and not ScalarStyle.Folded
                )
                .ToList();
            if (targets.Count == 0)
            {
                continue;
            }

            var target = targets[random.Next(targets.Count)];
            var address = random.Next(3) == 0 ? YamlScalarAddress.AtMark(target.Line, target.Column) : target.Address;
            var (edit, expected) = ChooseEdit(random, target, address);

            // Act
            var edited = YamlScalarEditor.Apply(text, [edit]);

            // Assert
            var context = $"case {i}: {edit}\n--- before\n{text}\n--- after\n{edited}";
            edited[..target.Start].Should().Be(text[..target.Start], context);
            var tail = text.Length - target.End;
            edited[^tail..].Should().Be(text[^tail..], context);
            var before = Events(text);
            var after = Events(edited);
            after.Should().HaveCount(before.Count, context);
            var changed = Enumerable.Range(0, before.Count).Where(n => before[n] != after[n]).ToList();
            if (expected == target.Value)
            {
                changed.Should().BeEmpty(context);
            }
            else
            {
                changed.Should().ContainSingle(context);
                after[changed[0]].Should().Be("scalar " + expected, context);
                before[changed[0]].Should().Be("scalar " + target.Value, context);
            }

            checkedCases++;
            Note(seen, text, target, edit, edited);
        }

        checkedCases.Should().BeGreaterThan(Cases * 9 / 10);
        seen.Should()
            .Contain([
                "crlf",
                "bom",
                "documents",
                "flow",
                "anchor",
                "partial",
                "by-mark",
                "Plain",
                "SingleQuoted",
                "DoubleQuoted",
                "plain-quoted",
                "unicode",
                "no-final-newline",
            ]);
    }

    private static void Note(HashSet<string> seen, string text, YamlScalarSpan target, YamlEdit edit, string edited)
    {
        seen.Add(target.Style.ToString());
        if (text.Contains("\r\n", StringComparison.Ordinal))
            seen.Add("crlf");
        if (text.StartsWith('\uFEFF'))
            seen.Add("bom");
        if (target.Document > 0)
            seen.Add("documents");
        if (text.Contains('{', StringComparison.Ordinal) && target.Path!.Contains('[', StringComparison.Ordinal))
            seen.Add("flow");
        if (
            text[..target.Start].TrimEnd().EndsWith("!!str", StringComparison.Ordinal)
            || text[..target.Start].Contains(" &a", StringComparison.Ordinal)
        )
            seen.Add("anchor");
        if (edit.OldPart is not null)
            seen.Add("partial");
        if (edit.Target.IsMark)
            seen.Add("by-mark");
        if (target.Style == ScalarStyle.Plain && edited.Length > target.Start && edited[target.Start] == '"')
            seen.Add("plain-quoted");
        if (text.Any(c => c > 0x7f && c != '\uFEFF'))
            seen.Add("unicode");
        if (!text.EndsWith('\n'))
            seen.Add("no-final-newline");
    }

    private static (YamlEdit Edit, string Expected) ChooseEdit(
        Random random,
        YamlScalarSpan target,
        YamlScalarAddress address
    )
    {
        var value = NewValues[random.Next(NewValues.Length)];
        if (random.Next(3) == 0 && target.Value.Length >= 2)
        {
            var start = random.Next(target.Value.Length - 1);
            var length = random.Next(1, target.Value.Length - start + 1);
            var part = target.Value.Substring(start, length);
            var first = target.Value.IndexOf(part, StringComparison.Ordinal);
            if (
                !char.IsLowSurrogate(part[0])
                && !char.IsHighSurrogate(part[^1])
                && target.Value.IndexOf(part, first + 1, StringComparison.Ordinal) < 0
            )
            {
                var expected = string.Concat(
                    target.Value.AsSpan(0, first),
                    value,
                    target.Value.AsSpan(first + part.Length)
                );
                return (YamlEdit.ReplaceInScalar(address, part, value), expected);
            }
        }

        return (YamlEdit.Set(address, value), value);
    }

    private static List<string> Events(string text)
    {
        var body = text.StartsWith('\uFEFF') ? text[1..] : text;
        var parser = new Parser(new StringReader(body));
        var events = new List<string>();
        while (parser.MoveNext())
        {
            events.Add(
                parser.Current switch
                {
                    Scalar s => "scalar " + s.Value,
                    AnchorAlias a => "alias " + a.Value,
                    MappingStart m => $"map {m.Anchor} {m.Style}",
                    SequenceStart q => $"seq {q.Anchor} {q.Style}",
                    var other => other!.GetType().Name,
                }
            );
        }

        return events;
    }
}
