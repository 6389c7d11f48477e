namespace GitOpsRunners.Tests.Fidelity;

/// <summary>Fidelity cases: each test gets its own <see cref="FidelityRepository"/>, removed after it.</summary>
public abstract class FidelitySpecs : IDisposable
{
    protected FidelityRepository Repo { get; } = new();

    public void Dispose()
    {
        Repo.Dispose();
        GC.SuppressFinalize(this);
    }
}
