namespace GitOpsRunners.Rendering.Substitution;

/// <summary>
/// Flux's post-build variable substitution (fluxcd/pkg/envsubst) as a pure function.
/// Only <c>${…}</c> expands; <c>$var</c> stays as written and <c>$$</c> becomes <c>$</c>, so
/// <c>$${var}</c> yields a literal <c>${var}</c>. Supported: <c>${var}</c>, <c>${#var}</c>,
/// <c>${var^}</c>, <c>${var^^}</c>, <c>${var,}</c>, <c>${var,,}</c>, <c>${var:offset}</c>,
/// <c>${var:offset:length}</c>, <c>${var#glob}</c>, <c>${var##glob}</c>, <c>${var%glob}</c>,
/// <c>${var%%glob}</c>, <c>${var=d}</c>, <c>${var:=d}</c>, <c>${var:-d}</c>, <c>${var/p/r}</c>,
/// <c>${var//p/r}</c>, <c>${var/#p/r}</c>, <c>${var/%p/r}</c>; defaults may hold nested <c>${…}</c>.
/// As in Flux, <c>${var-d}</c>, <c>${var+d}</c> and <c>${var?d}</c> are syntax errors, while
/// <c>${var:?d}</c> and <c>${var:+d}</c> act like <c>${var:-d}</c>; all default operators use the
/// default when the value is empty, set or not.
/// </summary>
public static class FluxEnvSubst
{
    /// <summary>
    /// Expands <paramref name="input"/>. In strict mode a variable missing from
    /// <paramref name="variables"/> fails unless a default operator covers it; otherwise it is "".
    /// </summary>
    /// <exception cref="SubstitutionException">Malformed syntax or, in strict mode, a missing
    /// variable; the exception carries the line and column of the failing <c>${</c>.</exception>
    public static string Expand(string input, IReadOnlyDictionary<string, string> variables, bool strict)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(variables);
        var nodes = EnvSubstParser.Parse(input);
        return new EnvSubstEvaluator(input, variables, strict).Evaluate(nodes);
    }

    /// <summary>
    /// Expands <paramref name="input"/> like <see cref="Expand"/> and also says which spans of the output each
    /// top-level <c>${…}</c> produced and from which variables, so values taken from a Secret can be masked exactly.
    /// </summary>
    /// <exception cref="SubstitutionException">As <see cref="Expand"/>.</exception>
    public static EnvSubstResult ExpandTracked(string input, IReadOnlyDictionary<string, string> variables, bool strict)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(variables);
        var nodes = EnvSubstParser.Parse(input);
        return new EnvSubstEvaluator(input, variables, strict).EvaluateTracked(nodes);
    }
}
