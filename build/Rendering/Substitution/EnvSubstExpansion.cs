namespace GitOpsRunners.Rendering.Substitution;

/// <summary>
/// One <c>${…}</c>. <see cref="Operator"/> is the operator as written ("" for <c>${var}</c>,
/// "#" for <c>${#var}</c> and <c>${var#p}</c>, ":-", "//", "^^", …); <see cref="Arguments"/> are
/// its operands, each literal text or a nested expansion. <see cref="Offset"/> is the index of the
/// <c>$</c> in the input.
/// </summary>
internal sealed record EnvSubstExpansion(
    string Variable,
    string Operator,
    IReadOnlyList<EnvSubstNode> Arguments,
    int Offset
) : EnvSubstNode;
