namespace GitOpsRunners.Rendering.Substitution;

/// <summary>
/// The characters <c>[Start, Start + Length)</c> of a substitution's output that one top-level <c>${…}</c> produced,
/// and the variables whose values it used (its own and nested defaults'; none when only a default applied).
/// </summary>
public sealed record SubstitutedSpan(int Start, int Length, IReadOnlyList<string> Variables)
{
    public int End => Start + Length;
}
