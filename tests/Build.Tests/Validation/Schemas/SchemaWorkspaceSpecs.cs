namespace GitOpsRunners.Tests.Validation.Schemas;

/// <summary>Schema cases: each test gets its own <see cref="SchemaWorkspace"/>, removed after it.</summary>
public abstract class SchemaWorkspaceSpecs : IDisposable
{
    protected SchemaWorkspace Work { get; } = new();

    public void Dispose()
    {
        Work.Dispose();
        GC.SuppressFinalize(this);
    }
}
