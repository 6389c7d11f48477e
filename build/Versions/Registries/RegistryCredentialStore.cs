using System.Collections;
using GitOpsRunners.Engine;

namespace GitOpsRunners.Versions.Registries;

/// <summary>
/// Registry credentials from environment variables. For a registry host the store looks first for
/// <c>REGISTRY_&lt;HOST&gt;_USERNAME</c> and <c>REGISTRY_&lt;HOST&gt;_PASSWORD</c>, where &lt;HOST&gt; is the host
/// (and port) in upper case with every other character replaced by <c>_</c> (<c>ghcr.io</c> → <c>GHCR_IO</c>,
/// <c>localhost:5000</c> → <c>LOCALHOST_5000</c>, Docker Hub → <c>DOCKER_IO</c>), then for
/// <c>REGISTRY_USERNAME</c> and <c>REGISTRY_PASSWORD</c>, which apply to every registry that asks.
/// Credentials are only sent when a registry challenges for them; they are never logged.
/// </summary>
public sealed class RegistryCredentialStore(IReadOnlyDictionary<string, string?> environment)
{
    private const string Prefix = "REGISTRY_";

    public static RegistryCredentialStore None { get; } = new(new Dictionary<string, string?>());

    /// <summary>A snapshot of this process's environment.</summary>
    public static RegistryCredentialStore FromEnvironment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && key.StartsWith(Prefix, StringComparison.Ordinal))
                variables[key] = entry.Value as string;
        }

        return new RegistryCredentialStore(variables);
    }

    /// <summary>Every password (and token) value in the store, for a CI log to mask before anything is printed.</summary>
    public IReadOnlyList<string> Secrets =>
        environment
            .Where(p =>
                (
                    p.Key.EndsWith("_PASSWORD", StringComparison.Ordinal)
                    || p.Key.EndsWith("_TOKEN", StringComparison.Ordinal)
                ) && !string.IsNullOrEmpty(p.Value)
            )
            .Select(p => p.Value!)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The credentials for <paramref name="registry"/>, or null when none are set.</summary>
    public RegistryCredentials? Find(string registry)
    {
        var hostKey = HostKey(registry);
        return Read($"{Prefix}{hostKey}_USERNAME", $"{Prefix}{hostKey}_PASSWORD")
            ?? Read($"{Prefix}USERNAME", $"{Prefix}PASSWORD");
    }

    /// <summary>A sentence fragment naming the variables that would hold credentials for <paramref name="registry"/>.</summary>
    public static string Describe(string registry)
    {
        var hostKey = HostKey(registry);
        return $"{Prefix}{hostKey}_USERNAME and {Prefix}{hostKey}_PASSWORD (or {Prefix}USERNAME and {Prefix}PASSWORD)";
    }

    /// <summary><c>ghcr.io</c> → <c>GHCR_IO</c>; Docker Hub's API host maps to <c>DOCKER_IO</c>.</summary>
    public static string HostKey(string registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var host = registry == OciReference.DockerHubRegistry ? "docker.io" : registry;
        return string.Concat(host.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_'));
    }

    private RegistryCredentials? Read(string userVariable, string passwordVariable)
    {
        var user = Value(userVariable);
        var password = Value(passwordVariable);
        return (user, password) switch
        {
            (null, null) => null,
            (not null, not null) => new RegistryCredentials(user, password, $"{userVariable}/{passwordVariable}"),
            (null, _) => throw new BuildException(
                $"{passwordVariable} is set but {userVariable} is not: set both or neither."
            ),
            (_, null) => throw new BuildException(
                $"{userVariable} is set but {passwordVariable} is not: set both or neither."
            ),
        };
    }

    private string? Value(string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
