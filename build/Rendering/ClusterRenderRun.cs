using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Rendering;

/// <summary>
/// Renders one cluster breadth-first from its root Kustomization, in dependsOn waves. A Kustomization
/// waiting for a substituteFrom object or an ArtifactGenerator is retried after others made progress;
/// unknown dependencies are dropped with a warning; cycles are reported, never waited on. The waves decide what
/// is reported, in a fixed order; the kustomize builds do not wait for dependsOn: the build of a Kustomization
/// that waits starts as soon as it is discovered (<see cref="KustomizationRenderer.Prefetch"/>), bounded by the
/// shared semaphore, while every cluster's waves run side by side.
/// </summary>
internal sealed class ClusterRenderRun(RenderContext context, ClusterEntry entry)
{
    private readonly List<RenderedObject> _objects = [];
    private readonly List<Finding> _findings = [.. entry.Findings];
    private readonly Dictionary<string, Manifest> _configMaps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SecretValues> _secrets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProducedSecret> _producedSecrets = new(StringComparer.Ordinal);
    private readonly List<ClusterExternalSecretTarget> _clusterProducers = [];
    private readonly Dictionary<string, Manifest> _namespaces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Manifest> _gitRepositories = new(StringComparer.Ordinal);
    private readonly List<Manifest> _artifactGenerators = [];
    private readonly Dictionary<string, Node> _known = new(StringComparer.Ordinal);
    private readonly HashSet<string> _done = new(StringComparer.Ordinal);
    private readonly List<Node> _pending = [];
    private KustomizationRenderer? _renderer;
    private CancellationToken _ct;

    public async Task<RenderedCluster> RunAsync(CancellationToken ct)
    {
        var urls = context.Options.RepositoryUrls.Concat(entry.RepositoryUrl is { } url ? [url] : []).ToList();
        var renderer = new KustomizationRenderer(context, new SourceResolver(context, entry, urls), entry.Name);
        _renderer = renderer;
        _ct = ct;
        if (entry.RootSource is { Namespace: { } ns } source)
        {
            _gitRepositories[$"{ns}/{source.Name}"] = source;
        }

        Add(new Node(entry.Root));
        while (_pending.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            var ready = _pending.Where(n => n.Dependencies.All(_done.Contains) && n.DeferredAt < _done.Count).ToList();
            if (ready.Count == 0)
            {
                ResolveStall();
                continue;
            }

            var snapshot = Snapshot();
            var doneBefore = _done.Count;
            var outcomes = await Task.WhenAll(ready.Select(n => renderer.RenderAsync(n.Kustomization, snapshot, ct)))
                .ConfigureAwait(false);
            for (var i = 0; i < ready.Count; i++)
            {
                if (outcomes[i].Deferral is { } deferral)
                {
                    ready[i].DeferredAt = doneBefore;
                    ready[i].Deferral = deferral;
                    continue;
                }

                Complete(ready[i], outcomes[i]);
            }
        }

        var (objects, scopeFindings) = ApiServerScope.Apply(_objects, entry.Name);
        return new RenderedCluster(entry.Name, objects, [.. _findings, .. scopeFindings]);
    }

    private void Complete(Node node, KustomizationOutcome outcome)
    {
        _pending.Remove(node);
        _done.Add(node.Id);
        _findings.AddRange(outcome.Findings);
        _objects.AddRange(outcome.Objects);
        foreach (var (key, secret) in outcome.Secrets)
        {
            _secrets[key] = secret;
        }

        foreach (var manifest in outcome.Objects.Select(o => o.Manifest))
        {
            var key = $"{manifest.Namespace}/{manifest.Name}";
            if (manifest.Kind == "ConfigMap" && manifest.ApiVersion == "v1")
            {
                _configMaps[key] = manifest;
            }
            else if (ExternalSecretTarget.Read(manifest) is var (secretKey, produced))
            {
                _producedSecrets[secretKey] = produced;
            }
            else if (ClusterExternalSecretTarget.Read(manifest) is { } clusterProducer)
            {
                _clusterProducers.Add(clusterProducer);
            }
            else if (manifest.Kind == "Namespace" && manifest.ApiVersion == "v1")
            {
                _namespaces[manifest.Name] = manifest;
            }
            else if (manifest.Kind == "GitRepository" && manifest.Group == KubernetesApi.SourceGroup)
            {
                _gitRepositories[key] = manifest;
            }
            else if (SourceResolver.IsArtifactGenerator(manifest))
            {
                _artifactGenerators.Add(manifest);
            }
            else if (FluxKustomizationReader.IsFluxKustomization(manifest))
            {
                Discover(node, manifest);
            }
        }
    }

    private void Discover(Node parent, Manifest manifest)
    {
        var (kustomization, findings) = FluxKustomizationReader.Read(manifest, entry.Name);
        _findings.AddRange(findings);
        if (kustomization is null || kustomization.Id == parent.Id || kustomization.Id == entry.Root.Id)
        {
            return;
        }

        if (_known.TryGetValue(kustomization.Id, out var existing))
        {
            _findings.Add(
                new Finding(
                    RenderRules.KustomizationDuplicate,
                    $"Kustomization {kustomization.Id} is applied twice in this cluster (also at {existing.Kustomization.Location}); the two copies would fight over the same object. Keep one.",
                    kustomization.Location,
                    entry.Name,
                    $"Kustomization/{kustomization.Id}"
                )
            );
            return;
        }

        Add(new Node(kustomization));
    }

    private void Add(Node node)
    {
        _known[node.Id] = node;
        _pending.Add(node);
        if (node.Dependencies.Count > 0)
        {
            // A Kustomization without dependsOn renders in the next wave anyway; one that waits has its build started now.
            _renderer?.Prefetch(node.Kustomization, Snapshot(), _ct);
        }
    }

    private void ResolveStall()
    {
        var unknown = _pending.Where(n => n.Dependencies.Any(d => !_known.ContainsKey(d))).ToList();
        foreach (var node in unknown)
        {
            foreach (var missing in node.Dependencies.Where(d => !_known.ContainsKey(d)).ToList())
            {
                _findings.Add(
                    Problem(
                        node,
                        RenderRules.DependsOnMissing,
                        $"dependsOn names {missing}, which this cluster never applies; Flux would wait for it forever. Fix the name or namespace, or remove the entry."
                    )
                );
                node.Dependencies.Remove(missing);
            }
        }

        if (unknown.Count > 0)
        {
            return;
        }

        var waiting = _pending.Where(n => n.Deferral is not null && n.Dependencies.All(_done.Contains)).ToList();
        foreach (var node in waiting)
        {
            Complete(node, KustomizationOutcome.Failed(node.Deferral!));
        }

        if (waiting.Count > 0)
        {
            return;
        }

        foreach (var node in _pending.ToList())
        {
            var cycle = FindCycle(node);
            _findings.Add(
                Problem(
                    node,
                    RenderRules.DependsOnCycle,
                    cycle is null
                        ? "it waits on a Kustomization that is part of a dependsOn cycle, so Flux never applies it."
                        : $"dependsOn forms a cycle ({string.Join(" -> ", cycle)}), so Flux never applies these Kustomizations. Remove one of the dependsOn entries."
                )
            );
            _pending.Remove(node);
            _done.Add(node.Id);
        }
    }

    private List<string>? FindCycle(Node start)
    {
        var path = new List<string>();
        var current = start;
        while (current is not null && !path.Contains(current.Id))
        {
            path.Add(current.Id);
            current = current
                .Dependencies.Where(d => !_done.Contains(d))
                .Select(d => _known.GetValueOrDefault(d))
                .FirstOrDefault();
        }

        if (current is null || current.Id != start.Id)
        {
            return null;
        }

        path.Add(start.Id);
        return path;
    }

    private ClusterSnapshot Snapshot() =>
        new(
            new Dictionary<string, Manifest>(_configMaps, StringComparer.Ordinal),
            new Dictionary<string, SecretValues>(_secrets, StringComparer.Ordinal),
            new Dictionary<string, ProducedSecret>(_producedSecrets, StringComparer.Ordinal),
            new Dictionary<string, Manifest>(_gitRepositories, StringComparer.Ordinal),
            [.. _artifactGenerators],
            [.. _clusterProducers],
            new Dictionary<string, Manifest>(_namespaces, StringComparer.Ordinal)
        );

    private Finding Problem(Node node, RuleDescriptor rule, string message) =>
        new(
            rule,
            $"Kustomization {node.Id}: {message}",
            node.Kustomization.Location,
            entry.Name,
            $"Kustomization/{node.Id}"
        );

    private sealed class Node(FluxKustomization kustomization)
    {
        public FluxKustomization Kustomization { get; } = kustomization;
        public string Id => Kustomization.Id;
        public List<string> Dependencies { get; } = [.. kustomization.DependsOn];
        public int DeferredAt { get; set; } = -1;
        public Finding? Deferral { get; set; }
    }
}
