using GitOpsRunners.Engine;

namespace GitOpsRunners.Rendering.Substitution;

/// <summary>
/// Flux post-build substitution failed: malformed <c>${…}</c> syntax, a variable missing in strict
/// mode, or an invalid variable name. <see cref="Line"/> and <see cref="Column"/> are 1-based and
/// point at the <c>$</c> of the failing <c>${</c> inside the substituted text; they are null when
/// the problem is not in the text (an invalid variable name). <see cref="Reason"/> is the message
/// without the position, for callers that rebuild it around a file name.
/// </summary>
public sealed class SubstitutionException(string reason, string? variable = null, int? line = null, int? column = null)
    : BuildException(line is null ? reason : $"line {line}, column {column}: {reason}")
{
    public string Reason { get; } = reason;

    public string? Variable { get; } = variable;

    public int? Line { get; } = line;

    public int? Column { get; } = column;
}
