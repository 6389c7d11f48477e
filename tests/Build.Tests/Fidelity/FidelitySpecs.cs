using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;

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

    /// <summary>The one object named <paramref name="name"/> that <paramref name="cluster"/> renders.</summary>
    protected static Manifest Named(RenderedCluster cluster, string name) =>
        cluster.Objects.Single(o => o.Manifest.Name == name).Manifest;

    /// <summary>The one object of <paramref name="kind"/> that <paramref name="cluster"/> renders.</summary>
    protected static Manifest OfKind(RenderedCluster cluster, string kind) =>
        cluster.Objects.Single(o => o.Manifest.Kind == kind).Manifest;
}
