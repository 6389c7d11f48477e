using GitOpsRunners.Git;

namespace GitOpsRunners.Tests.Support.Git;

/// <summary>
/// Specs that each work in a fresh <see cref="GitSandbox"/> (a clone with a bare origin) through the build's
/// <see cref="GitWorkspace"/> on it; both are removed after the test.
/// </summary>
public abstract class GitSandboxSpecs : IDisposable
{
    private GitWorkspace? _workspace;

    protected GitSandbox Sandbox { get; } = new();

    /// <summary>The clone's workspace, opened on first use (so after whatever a test changes in the clone first).</summary>
    protected GitWorkspace Workspace => _workspace ??= GitWorkspace.Open(Sandbox.WorkPath);

    public void Dispose()
    {
        _workspace?.Dispose();
        Sandbox.Dispose();
        GC.SuppressFinalize(this);
    }
}
