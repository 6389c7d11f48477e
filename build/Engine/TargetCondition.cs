namespace GitOpsRunners.Engine;

/// <summary>A run-time condition of a target, with its source text used as the skip reason.</summary>
public sealed record TargetCondition(string Expression, Func<bool> Evaluate)
{
    /// <summary>The condition without its lambda prefix: <c>IsCi</c> for <c>() => IsCi</c>.</summary>
    public string Text
    {
        get
        {
            var arrow = Expression.IndexOf("=>", StringComparison.Ordinal);
            return (arrow >= 0 ? Expression[(arrow + 2)..] : Expression).Trim();
        }
    }
}
