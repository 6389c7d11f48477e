namespace GitOpsRunners.Tests.Versions.Renovate;

/// <summary>
/// A dependency as Renovate extracted it from a pin file: the file, the ConfigMap key it sets (the regex
/// managers capture it as <c>depType</c>), its name, datasource, current value and digest, and the
/// registry of a Helm HTTP repository (<c>null</c> for OCI, whose registry is part of the name).
/// </summary>
public sealed record RenovateDependency(
    string File,
    string Variable,
    string DepName,
    string Datasource,
    string CurrentValue,
    string? CurrentDigest,
    string? Registry
);
