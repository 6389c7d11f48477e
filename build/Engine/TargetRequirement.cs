namespace GitOpsRunners.Engine;

/// <summary>
/// A value a target needs, with the source text of its lambda (e.g. <c>() => Cluster</c>), and the condition
/// under which it is needed (<see cref="When"/>; null: always).
/// </summary>
public sealed record TargetRequirement(string Expression, Func<object?> Value)
{
    /// <summary>When set, the value is needed only while this condition holds (e.g. <c>() => Pr</c>).</summary>
    public TargetCondition? When { get; init; }

    /// <summary>The member the lambda reads, e.g. <c>Cluster</c> for <c>() => Cluster</c>.</summary>
    public string MemberName
    {
        get
        {
            var arrow = Expression.IndexOf("=>", StringComparison.Ordinal);
            var body = (arrow >= 0 ? Expression[(arrow + 2)..] : Expression).Trim();
            return body.StartsWith("this.", StringComparison.Ordinal) ? body[5..] : body;
        }
    }

    /// <summary>Whether the requirement applies to this run: unconditional, or its condition holds.</summary>
    public bool Applies() => When is null || When.Evaluate();

    public bool IsSatisfied() =>
        Value() switch
        {
            null => false,
            string text => !string.IsNullOrWhiteSpace(text),
            System.Collections.ICollection collection => collection.Count > 0,
            _ => true,
        };
}
