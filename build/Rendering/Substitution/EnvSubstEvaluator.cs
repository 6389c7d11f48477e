using System.Text;

namespace GitOpsRunners.Rendering.Substitution;

/// <summary>
/// Evaluates parsed envsubst nodes. Like Flux, the operands of an expansion are evaluated before
/// the expansion itself, so in strict mode <c>${set:-${missing}}</c> fails although the default
/// is not needed. A missing variable is "" unless strict mode is on and the operator is not a
/// default operator.
/// </summary>
internal sealed class EnvSubstEvaluator(string input, IReadOnlyDictionary<string, string> variables, bool strict)
{
    private HashSet<string>? _used;

    public string Evaluate(IReadOnlyList<EnvSubstNode> nodes) => EvaluateTracked(nodes).Output;

    /// <summary>
    /// Evaluates <paramref name="nodes"/> and records, for every top-level <c>${…}</c>, the span of the output it
    /// produced and the variables whose values went into it (nested ones included).
    /// </summary>
    public EnvSubstResult EvaluateTracked(IReadOnlyList<EnvSubstNode> nodes)
    {
        var output = new StringBuilder();
        var spans = new List<SubstitutedSpan>();
        foreach (var node in nodes)
        {
            if (node is not EnvSubstExpansion)
            {
                output.Append(Evaluate(node));
                continue;
            }

            _used = new HashSet<string>(StringComparer.Ordinal);
            var start = output.Length;
            output.Append(Evaluate(node));
            spans.Add(new SubstitutedSpan(start, output.Length - start, [.. _used.Order(StringComparer.Ordinal)]));
            _used = null;
        }

        return new EnvSubstResult(output.ToString(), spans);
    }

    private string Evaluate(EnvSubstNode node) =>
        node switch
        {
            EnvSubstText text => text.Value,
            EnvSubstExpansion expansion => Expand(expansion),
            _ => throw new InvalidOperationException($"Unknown envsubst node {node.GetType().Name}."),
        };

    private string Expand(EnvSubstExpansion expansion)
    {
        var args = expansion.Arguments.Select(Evaluate).ToList();
        if (variables.TryGetValue(expansion.Variable, out var value))
        {
            _used?.Add(expansion.Variable);
            return EnvSubstOperators.Apply(expansion.Operator, value, args);
        }

        if (strict && !EnvSubstOperators.Defaulting.Contains(expansion.Operator))
        {
            var name = expansion.Variable;
            var position = TextPosition.Of(input, expansion.Offset);
            throw new SubstitutionException(
                $"variable not set (strict mode): \"{name}\"; define it in spec.postBuild.substitute or a "
                    + $"substituteFrom ConfigMap/Secret, or give it a default such as \"${{{name}:=value}}\"",
                name,
                position.Line,
                position.Column
            );
        }

        return EnvSubstOperators.Apply(expansion.Operator, "", args);
    }
}
