namespace GitOpsRunners.Versions.Registries;

/// <summary>
/// A user name and password (or token) for one registry. <see cref="Source"/> names the environment
/// variables they came from, for messages; <see cref="ToString"/> never shows the password.
/// </summary>
public sealed record RegistryCredentials(string Username, string Password, string Source)
{
    public override string ToString() => $"{Username} (from {Source})";
}
