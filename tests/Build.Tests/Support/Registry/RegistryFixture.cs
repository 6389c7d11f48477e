using GitOpsRunners.Versions.Registries;

namespace GitOpsRunners.Tests.Support.Registry;

/// <summary>A real distribution registry (no auth, deletes enabled) on loopback, per test class.</summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private RegistryBinary? _registry;

    public RegistryBinary Registry => _registry ?? throw new InvalidOperationException("The registry did not start.");

    public RegistryPusher Pusher { get; private set; } = null!;

    public OciReference Repository(string path) => OciReference.Parse($"{Registry.Authority}/{path}");

    public async Task InitializeAsync()
    {
        _registry = await RegistryBinary.StartAsync(_folder.Path, authSection: null);
        Pusher = new RegistryPusher(_registry.BaseUri);
    }

    public async Task DisposeAsync()
    {
        Pusher?.Dispose();
        if (_registry is not null)
            await _registry.DisposeAsync();
        _folder.Dispose();
    }
}
