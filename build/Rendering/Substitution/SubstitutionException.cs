using GitOpsRunners.Engine;

namespace GitOpsRunners.Rendering.Substitution;

// PLACEHOLDER: replaced by the substitution library on merge.
public sealed class SubstitutionException(string message, string variable, int line, int column) : BuildException(message)
{
    public string Variable { get; } = variable;
    public int Line { get; } = line;
    public int Column { get; } = column;
}
