using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace GitOpsRunners.Charts;

/// <summary>
/// Resolves the block structure of a Helm template as far as it can be known from values alone: lines that hold
/// only an <c>if</c>, <c>else if</c>, <c>else</c>, <c>with</c> or <c>end</c> action (or a comment) are dropped, and the
/// lines of a branch whose condition is false under the release's values are dropped with them, as Helm would not
/// render them. A condition is understood when it is a <c>.Values</c> path, <c>not</c>, <c>and</c> or <c>or</c> of
/// such (optionally in parentheses), judged by Go template truth (false, 0, "", null, empty map or list are false);
/// any other condition, or no values at all, is assumed to hold. Other actions are left in place. Pure.
/// </summary>
public static partial class TemplateConditions
{
    public static string Resolve(string template, JObject? values)
    {
        var kept = new List<string>();
        var frames = new Stack<Frame>();
        foreach (var line in template.Split('\n'))
        {
            var active = frames.Count == 0 || frames.Peek().Active;
            var match = BlockLine().Match(line);
            if (!match.Success)
            {
                if (active)
                {
                    kept.Add(line);
                }

                continue;
            }

            var keyword = match.Groups["keyword"].Value;
            var argument = match.Groups["argument"].Value.Trim();
            switch (keyword)
            {
                case "if":
                case "with":
                    var holds = Holds(argument, values);
                    frames.Push(new Frame(active, active && holds, holds));
                    break;
                case "else":
                    if (frames.TryPop(out var open))
                    {
                        var branch =
                            !open.Taken
                            && (
                                argument.StartsWith("if ", StringComparison.Ordinal)
                                    ? Holds(argument[3..], values)
                                    : argument.Length == 0 || Holds(argument, values)
                            );
                        frames.Push(open with { Active = open.Outer && branch, Taken = open.Taken || branch });
                    }

                    break;
                case "end":
                    frames.TryPop(out _);
                    break;
                case "range":
                    // The body repeats per item: keep it once when the list is not known to be empty.
                    var any = Holds(argument, values);
                    frames.Push(new Frame(active, active && any, any));
                    break;
            }
        }

        return string.Join('\n', kept);
    }

    /// <summary>Whether <paramref name="condition"/> holds under <paramref name="values"/>; true when it cannot be judged.</summary>
    private static bool Holds(string condition, JObject? values) => Judge(condition.Trim(), values) ?? true;

    private static bool? Judge(string condition, JObject? values)
    {
        if (values is null)
        {
            return null;
        }

        var terms = Terms(condition);
        if (terms is null || terms.Count == 0)
        {
            return null;
        }

        switch (terms[0])
        {
            case "not" when terms.Count == 2:
                return Judge(terms[1], values) is { } inner ? !inner : null;
            case "and" when terms.Count >= 3:
            {
                var judged = terms.Skip(1).Select(t => Judge(t, values)).ToList();
                return judged.Contains(false) ? false
                    : judged.Contains(null) ? null
                    : true;
            }
            case "or" when terms.Count >= 3:
            {
                var judged = terms.Skip(1).Select(t => Judge(t, values)).ToList();
                return judged.Contains(true) ? true
                    : judged.Contains(null) ? null
                    : false;
            }
        }

        if (terms.Count != 1)
        {
            return null;
        }

        var term = terms[0];
        if (term.StartsWith('(') && term.EndsWith(')'))
        {
            return Judge(term[1..^1], values);
        }

        return ValuesPath().Match(term) is { Success: true } path
            ? Truth(Lookup(values, path.Groups["path"].Value))
            : null;
    }

    /// <summary>Space-separated terms, a parenthesised group counting as one; null when parentheses do not balance.</summary>
    private static List<string>? Terms(string text)
    {
        var terms = new List<string>();
        var depth = 0;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
                if (depth < 0)
                {
                    return null;
                }
            }

            if (char.IsWhiteSpace(c) && depth == 0)
            {
                if (start >= 0)
                {
                    terms.Add(text[start..i]);
                    start = -1;
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        return depth == 0 ? terms : null;
    }

    private static JToken? Lookup(JObject values, string path)
    {
        JToken? current = values;
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            current = current is JObject map ? map[segment] : null;
        }

        return current;
    }

    /// <summary>Go template truth: the zero value of a type and empty collections are false.</summary>
    private static bool Truth(JToken? value) =>
        value switch
        {
            null => false,
            JValue { Type: JTokenType.Null } => false,
            JValue { Type: JTokenType.Boolean } b => b.Value<bool>(),
            JValue { Type: JTokenType.Integer } i => i.Value<long>() != 0,
            JValue { Type: JTokenType.Float } f => f.Value<double>() != 0,
            JValue { Type: JTokenType.String } s => s.Value<string>()!.Length > 0,
            JContainer container => container.HasValues,
            _ => true,
        };

    private sealed record Frame(bool Outer, bool Active, bool Taken);

    /// <summary>A line holding only <c>{{- if … }}</c>, <c>else</c>, <c>with</c>, <c>range</c>, <c>end</c> or a comment.</summary>
    [GeneratedRegex(
        @"^\s*\{\{-?\s*(?:(?<keyword>if|with|range|else|end)\b(?<argument>[^{}]*?)|/\*.*?\*/)\s*-?\}\}\s*$"
    )]
    private static partial Regex BlockLine();

    [GeneratedRegex(@"^\$?\.Values(?<path>(?:\.[A-Za-z_][A-Za-z0-9_-]*)*)$")]
    private static partial Regex ValuesPath();
}
