using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsRunners.Manifests;
using k8s;

namespace GitOpsRunners.Smoke;

/// <summary>
/// <see cref="IClusterReader"/> over KubernetesClient: custom objects through the generic custom-object API, Deployments,
/// Pods, Events and Secrets through the typed clients. Of a Secret only its key names are kept.
/// </summary>
public sealed class KubernetesClusterReader(KubernetesClientConfiguration configuration) : IClusterReader, IDisposable
{
    private const int EventsPerObject = 5;

    /// <summary>Where controllers record events about cluster-scoped objects such as ClusterSecretStores.</summary>
    private const string ClusterScopedEventNamespace = "default";
    private readonly LastRequestHandler _lastRequest = new();
    private Kubernetes? _kubernetes;

    public string Server => configuration.Host;

    private Kubernetes Client => _kubernetes ??= new Kubernetes(configuration, _lastRequest);

    public async Task<ClusterSnapshot> ReadAsync(SmokeExpectations expected, CancellationToken ct)
    {
        try
        {
            var crds = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var name in expected.Crds.Select(c => c.Name).Distinct(StringComparer.Ordinal))
            {
                if (await ServedVersionsAsync(name, ct).ConfigureAwait(false) is { } served)
                {
                    crds[name] = served;
                }
            }

            var objects = new List<ClusterObject>();
            var unserved = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (group, version, plural, ns) in Collections(expected))
            {
                var items = await ListCustomAsync(group, version, plural, ns, ct).ConfigureAwait(false);
                if (items is null)
                {
                    unserved.Add($"{group}/{version}/{plural}");
                }
                else
                {
                    objects.AddRange(items);
                }
            }

            foreach (
                var ns in expected
                    .ArcControllers.Select(c => c.Namespace)
                    .Append(expected.FluxNamespace)
                    .Distinct(StringComparer.Ordinal)
            )
            {
                var deployments = await Client
                    .AppsV1.ListNamespacedDeploymentAsync(ns, cancellationToken: ct)
                    .ConfigureAwait(false);
                objects.AddRange(deployments.Items.Select(d => Typed(d, "apps/v1", "Deployment")));
            }

            foreach (
                var ns in expected
                    .ScaleSets.Select(s => s.ControllerNamespace ?? s.Namespace)
                    .Distinct(StringComparer.Ordinal)
            )
            {
                var pods = await Client
                    .CoreV1.ListNamespacedPodAsync(
                        ns,
                        labelSelector: "app.kubernetes.io/component=runner-scale-set-listener",
                        cancellationToken: ct
                    )
                    .ConfigureAwait(false);
                objects.AddRange(pods.Items.Select(p => Typed(p, "v1", "Pod")));
            }

            var secrets = new List<SecretKeys>();
            foreach (var secret in expected.Secrets)
            {
                if (await SecretKeysAsync(secret.Namespace, secret.Name, ct).ConfigureAwait(false) is { } keys)
                {
                    secrets.Add(keys);
                }
            }

            return new ClusterSnapshot(crds, objects, secrets, unserved);
        }
        catch (Exception e) when (Translate(e, ct) is { } mapped)
        {
            throw mapped;
        }
    }

    public async Task<IReadOnlyList<ClusterEvent>> ReadWarningEventsAsync(
        IReadOnlyList<string> objectIds,
        CancellationToken ct
    )
    {
        var events = new List<ClusterEvent>();
        try
        {
            foreach (var id in objectIds.Distinct(StringComparer.Ordinal))
            {
                var parts = id.Split('/');
                var (kind, ns, name) = parts.Length == 3 ? (parts[0], parts[1], parts[2]) : (parts[0], null, parts[^1]);
                var list = await Client
                    .CoreV1.ListNamespacedEventAsync(
                        ns ?? ClusterScopedEventNamespace,
                        fieldSelector: $"involvedObject.kind={kind},involvedObject.name={name},type=Warning",
                        cancellationToken: ct
                    )
                    .ConfigureAwait(false);
                events.AddRange(
                    list.Items.Select(e => new ClusterEvent(
                            ns,
                            kind,
                            name,
                            e.Type ?? "Warning",
                            e.Reason ?? "",
                            e.Message ?? "",
                            e.Count ?? 1,
                            (e.LastTimestamp ?? e.EventTime ?? e.FirstTimestamp) is { } seen
                                ? new DateTimeOffset(DateTime.SpecifyKind(seen, DateTimeKind.Utc))
                                : null
                        ))
                        .OrderByDescending(e => e.LastSeen)
                        .Take(EventsPerObject)
                );
            }
        }
        catch (Exception e) when (Translate(e, ct) is { } mapped)
        {
            throw mapped;
        }

        return events;
    }

    public void Dispose() => _kubernetes?.Dispose();

    /// <summary>The one-line error a failed API call stands for, or null to let it through (cancellation, unknown errors).</summary>
    private Exception? Translate(Exception e, CancellationToken ct) =>
        !ct.IsCancellationRequested
        && KubernetesErrors.Map(
            e,
            configuration.Host,
            configuration.CurrentContext,
            configuration.HttpClientTimeout,
            _lastRequest.Last
        )
            is var mapped
        && mapped != e
            ? mapped
            : null;

    /// <summary>Each custom collection to list: Flux kinds in every Flux namespace, ESO and ARC kinds where they are expected.</summary>
    private static IEnumerable<(string Group, string Version, string Plural, string? Namespace)> Collections(
        SmokeExpectations expected
    )
    {
        var fluxTypes = expected
            .Kustomizations.Select(k => k.Key)
            .Concat(expected.HelmReleases.Select(h => h.Key))
            .Concat(expected.Sources.Select(s => s.Key))
            .Select(k => (k.Group, k.Version, k.Plural))
            .Distinct();
        var collections = fluxTypes
            .SelectMany(t => expected.FluxNamespaces.Select(ns => (t.Group, t.Version, t.Plural, (string?)ns)))
            .Concat(expected.ClusterSecretStores.Select(s => (s.Key.Group, s.Key.Version, s.Key.Plural, (string?)null)))
            .Concat(expected.ExternalSecrets.Select(e => (e.Key.Group, e.Key.Version, e.Key.Plural, e.Key.Namespace)))
            .Concat(
                expected.ScaleSets.SelectMany(s =>
                    new[]
                    {
                        (
                            KubernetesApi.ArcGroup,
                            KubernetesApi.ArcVersion,
                            "autoscalingrunnersets",
                            (string?)s.Namespace
                        ),
                        (KubernetesApi.ArcGroup, KubernetesApi.ArcVersion, "ephemeralrunners", (string?)s.Namespace),
                    }
                )
            );
        return collections.Distinct();
    }

    private async Task<IReadOnlyList<ClusterObject>?> ListCustomAsync(
        string group,
        string version,
        string plural,
        string? ns,
        CancellationToken ct
    )
    {
        try
        {
            var list = ns is null
                ? await Client
                    .CustomObjects.ListClusterCustomObjectAsync<JsonElement>(
                        group,
                        version,
                        plural,
                        cancellationToken: ct
                    )
                    .ConfigureAwait(false)
                : await Client
                    .CustomObjects.ListNamespacedCustomObjectAsync<JsonElement>(
                        group,
                        version,
                        ns,
                        plural,
                        cancellationToken: ct
                    )
                    .ConfigureAwait(false);
            var kind =
                list.TryGetProperty("kind", out var k)
                && k.GetString() is { } listKind
                && listKind.EndsWith("List", StringComparison.Ordinal)
                    ? listKind[..^4]
                    : null;
            return list.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
                ? items
                    .EnumerateArray()
                    .Select(i => WithType(JsonNode.Parse(i.GetRawText())!.AsObject(), $"{group}/{version}", kind))
                    .ToList()
                : [];
        }
        catch (Exception e) when (KubernetesErrors.IsNotFound(e))
        {
            return null;
        }
    }

    private async Task<IReadOnlyList<string>?> ServedVersionsAsync(string name, CancellationToken ct)
    {
        try
        {
            var crd = await Client
                .ApiextensionsV1.ReadCustomResourceDefinitionAsync(name, cancellationToken: ct)
                .ConfigureAwait(false);
            return crd.Spec.Versions.Where(v => v.Served).Select(v => v.Name).ToList();
        }
        catch (Exception e) when (KubernetesErrors.IsNotFound(e))
        {
            return null;
        }
    }

    private async Task<SecretKeys?> SecretKeysAsync(string ns, string name, CancellationToken ct)
    {
        try
        {
            var secret = await Client
                .CoreV1.ReadNamespacedSecretAsync(name, ns, cancellationToken: ct)
                .ConfigureAwait(false);
            var keys = (secret.Data?.Keys ?? [])
                .Concat(secret.StringData?.Keys ?? [])
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
            return new SecretKeys(ns, name, keys);
        }
        catch (Exception e) when (KubernetesErrors.IsNotFound(e))
        {
            return null;
        }
    }

    private static ClusterObject Typed(object typed, string apiVersion, string kind) =>
        WithType(JsonNode.Parse(KubernetesJson.Serialize(typed))!.AsObject(), apiVersion, kind);

    private static ClusterObject WithType(JsonObject node, string apiVersion, string? kind)
    {
        if (node["apiVersion"] is null)
        {
            node["apiVersion"] = apiVersion;
        }

        if (node["kind"] is null && kind is not null)
        {
            node["kind"] = kind;
        }

        return ClusterObject.Parse(node.ToJsonString());
    }
}
