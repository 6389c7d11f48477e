using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Versions.Editing;

namespace GitOpsRunners.Versions.Pins;

/// <summary>
/// The scalar in a source file that holds a pinned value: its file:line:column, its address for
/// <see cref="YamlScalarEditor"/>, its whole value (<see cref="Scalar"/>) and the part of it that is the
/// pinned value (<see cref="Text"/>, e.g. <c>2.337.0@sha256:…</c> inside <c>ghcr.io/x/y:2.337.0@sha256:…</c>).
/// <see cref="Variable"/> names the post-build variable when the scalar is the variable's definition.
/// </summary>
public sealed record PinSite(
    SourceLocation Location,
    YamlScalarAddress Address,
    string Scalar,
    string Text,
    string? Variable = null
)
{
    /// <summary>The edit that writes <paramref name="newText"/> in place of <see cref="Text"/>.</summary>
    public YamlEdit EditTo(string newText) =>
        Text == Scalar
            ? YamlEdit.Set(Address, newText, expected: Scalar)
            : YamlEdit.ReplaceInScalar(Address, Text, newText, expected: Scalar);
}
