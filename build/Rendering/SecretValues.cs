namespace GitOpsRunners.Rendering;

/// <summary>The unmasked values of a rendered Secret, kept only for substitution; never part of the result.</summary>
internal sealed record SecretValues(
    IReadOnlyDictionary<string, string> Data,
    IReadOnlyDictionary<string, string> StringData,
    bool Encrypted,
    Diagnostics.SourceLocation? Location = null
);
