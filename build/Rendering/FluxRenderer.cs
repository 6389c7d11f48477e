using GitOpsRunners.Tools;

namespace GitOpsRunners.Rendering;

/// <summary>
/// Renders Flux clusters offline the way kustomize-controller would apply them. One renderer shares its
/// kustomize build cache, parsed files and artifacts across every cluster it renders; dispose it to
/// delete its temporary folder.
/// </summary>
public sealed class FluxRenderer(KustomizeCli kustomize, RenderOptions? options = null) : IDisposable
{
    private readonly RenderOptions _options = options ?? RenderOptions.Default;
    private readonly Dictionary<string, RenderContext> _contexts = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Renders one cluster folder.</summary>
    /// <exception cref="Engine.UsageException">There is no such cluster.</exception>
    public Task<RenderedCluster> RenderAsync(RepositoryLayout layout, string clusterName, CancellationToken ct)
    {
        var entry = ClusterDiscovery.Discover(layout, clusterName);
        return new ClusterRenderRun(Context(layout), entry).RunAsync(ct);
    }

    /// <summary>
    /// Renders every cluster under the layout's clusters folder, sorted by name; <paramref name="rendered"/> hears of
    /// each cluster as soon as it is done, while others may still render.
    /// </summary>
    public async Task<IReadOnlyList<RenderedCluster>> RenderAllAsync(
        RepositoryLayout layout,
        CancellationToken ct,
        Action<RenderedCluster>? rendered = null
    )
    {
        var context = Context(layout);
        var entries = ClusterDiscovery.DiscoverAll(layout);
        return await Task.WhenAll(
                entries.Select(async e =>
                {
                    var cluster = await new ClusterRenderRun(context, e).RunAsync(ct).ConfigureAwait(false);
                    rendered?.Invoke(cluster);
                    return cluster;
                })
            )
            .ConfigureAwait(false);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var context in _contexts.Values)
            {
                context.Dispose();
            }

            _contexts.Clear();
        }

        _options.BuildCache?.Prune();
    }

    private RenderContext Context(RepositoryLayout layout)
    {
        lock (_lock)
        {
            var key = Path.GetFullPath(layout.Root);
            if (!_contexts.TryGetValue(key, out var context))
            {
                context = new RenderContext(layout, kustomize, _options);
                _contexts[key] = context;
            }

            return context;
        }
    }
}
