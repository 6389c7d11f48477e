using GitOpsRunners.Engine;

namespace GitOpsRunners.Validation.Renovate;

/// <summary>Renovate's schema is a URL that cannot be read now (offline, or the server failed).</summary>
public sealed class RenovateSchemaUnavailableException(string message) : BuildException(message);
