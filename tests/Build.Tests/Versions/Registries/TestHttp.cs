using GitOpsRunners.Versions.Registries;

namespace GitOpsRunners.Tests.Versions.Registries;

/// <summary>Registry clients with millisecond backoff, so retry tests stay fast.</summary>
public static class TestHttp
{
    public static RegistryHttpOptions Options { get; } =
        new()
        {
            MaxRetryAttempts = 2,
            BaseDelay = TimeSpan.FromMilliseconds(5),
            AttemptTimeout = TimeSpan.FromSeconds(5),
            UseJitter = false,
        };

    public static RegistryCredentialStore NoCredentials => RegistryCredentialStore.None;

    public static RegistryCredentialStore Credentials(params (string Name, string Value)[] variables) =>
        new(variables.ToDictionary(v => v.Name, v => (string?)v.Value));

    public static OciRegistryClient OciClient(
        RegistryCredentialStore? credentials = null,
        int pageSize = 1000,
        RegistryHttpOptions? options = null
    ) => new(RegistryHttp.CreateClient(options ?? Options), credentials ?? NoCredentials, pageSize);
}
