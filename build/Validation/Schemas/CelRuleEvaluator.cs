using System.Collections.Concurrent;
using Cel;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace GitOpsRunners.Validation.Schemas;

/// <summary>
/// Evaluates the <c>x-kubernetes-validations</c> CEL rules of a custom resource's schema as the API server does:
/// each rule runs with <c>self</c> bound to the value of the field it is declared on (absent fields are not
/// checked), property names escaped as apiextensions does (<c>namespace</c> is <c>__namespace__</c>), and a rule
/// that returns false rejects the object with its <c>message</c> (or <c>messageExpression</c>, or
/// "failed rule: …"). Transition rules (<c>oldSelf</c>), rules the evaluator cannot compile and rules that fail at
/// run time have no verdict offline: each is reported once per run as not evaluated. One instance serves a whole
/// run from many threads.
/// </summary>
public sealed class CelRuleEvaluator
{
    public static RuleDescriptor FailedRule { get; } =
        new(
            "schema-cel",
            Severity.Error,
            "The API server refuses an object that breaks a CRD's x-kubernetes-validations rule.",
            "fix the object; --skip-kinds <Kind>"
        );

    public static RuleDescriptor NotEvaluatedRule { get; } =
        new(
            "schema-cel-not-evaluated",
            Severity.Info,
            "A transition rule (oldSelf) or a rule the CEL evaluator cannot run has no verdict offline.",
            "none"
        );

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [FailedRule, NotEvaluatedRule];

    private static readonly HashSet<string> Reserved =
    [
        "true",
        "false",
        "null",
        "in",
        "as",
        "break",
        "const",
        "continue",
        "else",
        "for",
        "function",
        "if",
        "import",
        "let",
        "loop",
        "package",
        "namespace",
        "return",
        "var",
        "void",
        "while",
    ];

    private readonly CelEnvironment _environment = new(null, "");
    private readonly ConcurrentDictionary<string, Lazy<(CelProgramDelegate? Program, string? Why)>> _programs = new(
        StringComparer.Ordinal
    );
    private readonly ConcurrentDictionary<string, byte> _reported = new(StringComparer.Ordinal);

    /// <summary>Findings for <paramref name="document"/> (the object as JSON) against <paramref name="schema"/>.</summary>
    public IReadOnlyList<CelOutcome> Evaluate(JsonSchema schema, JToken document)
    {
        var outcomes = new List<CelOutcome>();
        Walk(schema, document, [], outcomes);
        return outcomes;
    }

    private void Walk(JsonSchema node, JToken? value, List<string> path, List<CelOutcome> outcomes)
    {
        var schema = node.ActualSchema;
        if (value is null || value.Type == JTokenType.Null)
        {
            return;
        }

        foreach (var rule in Rules(schema))
        {
            Check(rule, value, path, outcomes);
        }

        switch (value)
        {
            case JObject obj:
                foreach (var property in obj.Properties())
                {
                    var child = schema.ActualProperties.TryGetValue(property.Name, out var declared)
                        ? declared
                        : schema.AdditionalPropertiesSchema;
                    if (child is not null)
                    {
                        Walk(child, property.Value, [.. path, property.Name], outcomes);
                    }
                }

                break;
            case JArray array when schema.Item is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(
                        items,
                        array[i],
                        [.. path, i.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                        outcomes
                    );
                }

                break;
        }
    }

    private static IEnumerable<JObject> Rules(JsonSchema schema) =>
        schema.ExtensionData is { } extensions
        && extensions.TryGetValue("x-kubernetes-validations", out var raw)
        && raw is not null
        && JToken.FromObject(raw) is JArray rules
            ? rules.OfType<JObject>()
            : [];

    private void Check(JObject rule, JToken value, List<string> path, List<CelOutcome> outcomes)
    {
        var text = rule.Value<string>("rule");
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        if (text.Contains("oldSelf", StringComparison.Ordinal))
        {
            NotEvaluated(
                text,
                "it is a transition rule (oldSelf), which needs the object already in the cluster",
                path,
                outcomes
            );
            return;
        }

        var (program, why) = Compile(text);
        if (program is null)
        {
            NotEvaluated(text, why!, path, outcomes);
            return;
        }

        object? result;
        var self = ToCel(value);
        try
        {
            result = program(new Dictionary<string, object?> { ["self"] = self });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            NotEvaluated(text, $"the evaluator stopped: {e.Message}", path, outcomes);
            return;
        }

        if (result is false)
        {
            var fieldPath = rule.Value<string>("fieldPath");
            var at = fieldPath is { Length: > 0 } ? [.. path, .. FieldPath(fieldPath)] : path;
            outcomes.Add(new CelOutcome(FailedRule, $"at '{Pointer(path)}': {Message(rule, text, self)}", at));
        }
    }

    private string Message(JObject rule, string text, object? self)
    {
        if (rule.Value<string>("messageExpression") is { Length: > 0 } expression)
        {
            var (program, _) = Compile(expression);
            try
            {
                if (
                    program?.Invoke(new Dictionary<string, object?> { ["self"] = self }) is string
                    {
                        Length: > 0
                    } message
                )
                {
                    return message;
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException) { }
        }

        return rule.Value<string>("message") is { Length: > 0 } fixedMessage ? fixedMessage : $"failed rule: {text}";
    }

    private (CelProgramDelegate? Program, string? Why) Compile(string text) =>
        _programs
            .GetOrAdd(
                text,
                t => new Lazy<(CelProgramDelegate?, string?)>(() =>
                {
                    try
                    {
                        return (_environment.Compile(t), null);
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        return (null, $"the evaluator does not support it ({e.Message})");
                    }
                })
            )
            .Value;

    private void NotEvaluated(string rule, string why, List<string> path, List<CelOutcome> outcomes)
    {
        if (_reported.TryAdd(rule, 0))
        {
            outcomes.Add(new CelOutcome(NotEvaluatedRule, $"CEL rule not evaluated offline, {why}: {rule}", path));
        }
    }

    /// <summary>JSON as CEL sees it: maps, lists, int64, double, bool, string, null; keys escaped as apiextensions does.</summary>
    private static object? ToCel(JToken token) =>
        token switch
        {
            JObject obj => obj.Properties()
                .ToDictionary(p => Escape(p.Name), p => ToCel(p.Value), StringComparer.Ordinal),
            JArray array => array.Select(ToCel).ToList(),
            JValue { Type: JTokenType.Integer } v => v.Value is System.Numerics.BigInteger big
                ? (double)big
                : Convert.ToInt64(v.Value, System.Globalization.CultureInfo.InvariantCulture),
            JValue { Type: JTokenType.Float } v => Convert.ToDouble(
                v.Value,
                System.Globalization.CultureInfo.InvariantCulture
            ),
            JValue { Type: JTokenType.Boolean } v => (bool)v.Value!,
            JValue { Type: JTokenType.Null } => null,
            JValue v => v.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => token.ToString(),
        };

    private static string Escape(string name) =>
        Reserved.Contains(name)
            ? $"__{name}__"
            : name.Replace("__", "__underscores__", StringComparison.Ordinal)
                .Replace(".", "__dot__", StringComparison.Ordinal)
                .Replace("-", "__dash__", StringComparison.Ordinal)
                .Replace("/", "__slash__", StringComparison.Ordinal);

    private static IEnumerable<string> FieldPath(string fieldPath) =>
        fieldPath.Split(['.', '[', ']'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim('\'', '"'));

    private static string Pointer(IEnumerable<string> path) => string.Concat(path.Select(p => "/" + p));
}
