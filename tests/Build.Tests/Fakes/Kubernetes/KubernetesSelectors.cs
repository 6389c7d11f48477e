using System.Text.Json.Nodes;

namespace GitOpsRunners.Tests.Fakes.Kubernetes;

/// <summary>
/// Label selectors (<c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a</c>, <c>!a</c>, <c>a in (x,y)</c>, <c>a notin (x,y)</c>) and
/// field selectors (<c>involvedObject.name=x,type=Warning</c>) as the API server reads them.
/// </summary>
public static class KubernetesSelectors
{
    public static bool MatchesLabels(JsonObject obj, string? selector)
    {
        var labels = obj["metadata"]?["labels"] as JsonObject;
        string? Label(string key) => labels?[key]?.GetValue<string>();
        foreach (var requirement in Split(selector))
        {
            var matched = requirement switch
            {
                _ when requirement.Contains(" notin ", StringComparison.Ordinal) => Set(requirement, " notin ")
                    is var (key, values)
                    && !values.Contains(Label(key)),
                _ when requirement.Contains(" in ", StringComparison.Ordinal) => Set(requirement, " in ")
                    is var (key, values)
                    && values.Contains(Label(key)),
                _ when requirement.Contains("!=", StringComparison.Ordinal) => Label(Left(requirement, "!="))
                    != Right(requirement, "!="),
                _ when requirement.Contains("==", StringComparison.Ordinal) => Label(Left(requirement, "=="))
                    == Right(requirement, "=="),
                _ when requirement.Contains('=', StringComparison.Ordinal) => Label(Left(requirement, "="))
                    == Right(requirement, "="),
                _ when requirement.StartsWith('!') => labels?.ContainsKey(requirement[1..].Trim()) != true,
                _ => labels?.ContainsKey(requirement) == true,
            };
            if (!matched)
            {
                return false;
            }
        }

        return true;
    }

    public static bool MatchesFields(JsonObject obj, string? selector)
    {
        foreach (var requirement in Split(selector))
        {
            var negated = requirement.Contains("!=", StringComparison.Ordinal);
            var op =
                negated ? "!="
                : requirement.Contains("==", StringComparison.Ordinal) ? "=="
                : "=";
            JsonNode? node = obj;
            foreach (var part in Left(requirement, op).Split('.'))
            {
                node = node is JsonObject map ? map[part] : null;
            }

            var value = node is JsonValue scalar ? scalar.ToString() : "";
            if ((value == Right(requirement, op)) == negated)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> Split(string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            yield break;
        }

        var depth = 0;
        var start = 0;
        for (var i = 0; i <= selector.Length; i++)
        {
            if (i == selector.Length || (selector[i] == ',' && depth == 0))
            {
                var part = selector[start..i].Trim();
                if (part.Length > 0)
                {
                    yield return part;
                }

                start = i + 1;
            }
            else if (selector[i] == '(')
            {
                depth++;
            }
            else if (selector[i] == ')')
            {
                depth--;
            }
        }
    }

    private static string Left(string requirement, string op) =>
        requirement[..requirement.IndexOf(op, StringComparison.Ordinal)].Trim();

    private static string Right(string requirement, string op) =>
        requirement[(requirement.IndexOf(op, StringComparison.Ordinal) + op.Length)..].Trim();

    private static (string Key, string?[] Values) Set(string requirement, string op) =>
        (
            Left(requirement, op),
            Right(requirement, op).Trim('(', ')').Split(',').Select(v => (string?)v.Trim()).ToArray()
        );
}
