namespace GitOpsRunners.Engine;

/// <summary>A value a target needs, with the source text of its lambda (e.g. <c>() => Cluster</c>).</summary>
public sealed record TargetRequirement(string Expression, Func<object?> Value)
{
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

    public bool IsSatisfied() =>
        Value() switch
        {
            null => false,
            string text => !string.IsNullOrWhiteSpace(text),
            System.Collections.ICollection collection => collection.Count > 0,
            _ => true,
        };
}
