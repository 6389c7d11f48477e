using GitOpsRunners.Rendering;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tools;

namespace GitOpsRunners.Tests.Fidelity;

/// <summary>
/// A throw-away repository with one cluster, <c>one</c>, whose root applies <c>kubernetes/clusters/one</c>;
/// cases write Flux Kustomizations there and the manifests they apply elsewhere, then render it.
/// </summary>
public sealed class FidelityRepository : IDisposable
{
    private readonly TempDirectory _repo = new();
    private readonly FluxRenderer _renderer = new(KustomizeCli.Locate());

    public string Root => _repo.Path;

    public FidelityRepository Write(string relativePath, string content)
    {
        _repo.Write(relativePath, content);
        return this;
    }

    public Task<RenderedCluster> RenderAsync() =>
        _renderer.RenderAsync(new RepositoryLayout(_repo.Path), "one", CancellationToken.None);

    /// <summary>A Flux Kustomization in flux-system applying <paramref name="path"/> of the repository; <paramref name="spec"/> is more of its spec, indented by two.</summary>
    public static string Kustomization(string name, string path, string spec = "") =>
        $"""
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: {name}
              namespace: flux-system
            spec:
              interval: 10m
              prune: true
              sourceRef:
                kind: GitRepository
                name: flux-system
              path: {path}

            """ + spec;

    public void Dispose()
    {
        _renderer.Dispose();
        _repo.Dispose();
    }
}
