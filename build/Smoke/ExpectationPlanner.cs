using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;
using NuGet.Versioning;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Smoke;

/// <summary>Turns a rendered cluster into <see cref="SmokeExpectations"/>. Pure.</summary>
internal static class ExpectationPlanner
{
    private const string SourceVersion = "v1";

    public static SmokeExpectations Plan(RenderedCluster cluster, string? revision, string fluxNamespace)
    {
        var manifests = cluster.Objects.Select(o => o.Manifest).ToList();
        var defined = manifests.Select(m => Key(m, fluxNamespace)).ToHashSet();

        var sources = manifests
            .Where(m => KubernetesApi.IsFluxGroup(m.Group) && KubernetesApi.SourceKinds.Contains(m.Kind))
            .Select(m => new ExpectedObject(Key(m, fluxNamespace), m.Location))
            .ToList();
        var kustomizations = new List<ExpectedKustomization>();
        foreach (var m in manifests.Where(m => m.Group == KubernetesApi.KustomizeGroup && m.Kind == "Kustomization"))
        {
            var key = Key(m, fluxNamespace);
            var source = Reference(m.Body.MappingAt("spec", "sourceRef"), "GitRepository", key.Namespace!);
            AddReferenced(sources, defined, source);
            kustomizations.Add(
                new ExpectedKustomization(key, source.Kind == "GitRepository" && !defined.Contains(source), m.Location)
            );
        }

        var helmReleases = new List<ExpectedHelmRelease>();
        foreach (var m in manifests.Where(m => m.Group == KubernetesApi.HelmGroup && m.Kind == "HelmRelease"))
        {
            var (chart, version, source) = Chart(m, manifests, fluxNamespace);
            if (source is not null)
            {
                AddReferenced(sources, defined, source);
            }

            helmReleases.Add(new ExpectedHelmRelease(Key(m, fluxNamespace), chart, version, m.Location));
        }

        var crds = manifests
            .Where(m => KubernetesApi.IsFluxGroup(m.Group))
            .Select(m => new ExpectedCrd($"{KubernetesApi.Plural(m.Kind)}.{m.Group}", m.Group, m.Version, m.Kind))
            .Distinct()
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ThenBy(c => c.Version, StringComparer.Ordinal)
            .ToList();
        var controllers = crds.Select(c => KubernetesApi.ControllerFor(c.Group))
            .Concat(kustomizations.Count > 0 ? ["source-controller", "kustomize-controller"] : Array.Empty<string>())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        var stores = manifests
            .Where(m => m.Group == KubernetesApi.ExternalSecretsGroup && m.Kind == "ClusterSecretStore")
            .Select(m => new ExpectedObject(Key(m, fluxNamespace), m.Location))
            .ToList();
        var externalSecrets = manifests
            .Where(m => m.Group == KubernetesApi.ExternalSecretsGroup && m.Kind == "ExternalSecret")
            .ToList();
        var clusterExternalSecrets = manifests
            .Where(m => m.Group == KubernetesApi.ExternalSecretsGroup && m.Kind == "ClusterExternalSecret")
            .ToList();
        var clusterTargets = clusterExternalSecrets
            .Select(ClusterExternalSecretTarget.Read)
            .OfType<ClusterExternalSecretTarget>()
            .ToList();

        var arcControllers = ArcControllers(helmReleases, manifests, fluxNamespace);
        var scaleSets = ScaleSets(helmReleases, manifests, fluxNamespace, arcControllers, out var arcSecrets);
        var secrets = Secrets(externalSecrets, arcSecrets, fluxNamespace)
            .Select(secret => ProducedByClusterExternalSecret(secret, clusterTargets, manifests, fluxNamespace))
            .ToList();

        return new SmokeExpectations(
            cluster.Name,
            string.IsNullOrWhiteSpace(revision) ? null : revision.Trim(),
            fluxNamespace,
            crds,
            controllers,
            kustomizations,
            helmReleases,
            sources,
            stores,
            externalSecrets
                .Concat(clusterExternalSecrets)
                .Select(m => new ExpectedObject(Key(m, fluxNamespace), m.Location))
                .ToList(),
            secrets,
            arcControllers,
            scaleSets
        );
    }

    private static ObjectKey Key(Manifest m, string fluxNamespace) =>
        ObjectKey.For(
            m.ApiVersion,
            m.Kind,
            m.Namespace ?? (KubernetesApi.IsFluxGroup(m.Group) ? fluxNamespace : "default"),
            m.Name
        );

    private static ObjectKey Reference(YamlMappingNode? reference, string defaultKind, string ns)
    {
        var kind = reference.ScalarAt("kind") ?? defaultKind;
        var version =
            reference.ScalarAt("apiVersion") is { } apiVersion && apiVersion.Contains('/', StringComparison.Ordinal)
                ? apiVersion[(apiVersion.IndexOf('/', StringComparison.Ordinal) + 1)..]
                : SourceVersion;
        return new ObjectKey(
            KubernetesApi.SourceGroup,
            version,
            kind,
            KubernetesApi.Plural(kind),
            reference.ScalarAt("namespace") ?? ns,
            reference.ScalarAt("name") ?? ""
        );
    }

    private static void AddReferenced(List<ExpectedObject> sources, HashSet<ObjectKey> defined, ObjectKey source)
    {
        if (source.Name.Length > 0 && !defined.Contains(source) && !sources.Any(s => s.Key == source))
        {
            sources.Add(new ExpectedObject(source));
        }
    }

    /// <summary>Chart name, the exact version pinned (null for ranges) and the source it comes from (null for a HelmChart reference).</summary>
    private static (string? Chart, string? Version, ObjectKey? Source) Chart(
        Manifest release,
        List<Manifest> manifests,
        string fluxNamespace
    )
    {
        var ns = release.Namespace ?? fluxNamespace;
        if (release.Body.MappingAt("spec", "chartRef") is { } chartRef)
        {
            var source = Reference(chartRef, "OCIRepository", ns);
            var repository = manifests.FirstOrDefault(m =>
                m.Kind == source.Kind && m.Name == source.Name && (m.Namespace ?? fluxNamespace) == source.Namespace
            );
            var chart = BodyOf(repository).ScalarAt("spec", "url")?.TrimEnd('/').Split('/').LastOrDefault();
            return (
                chart,
                Exact(BodyOf(repository).ScalarAt("spec", "ref", "tag")),
                source.Kind == "HelmChart" ? null : source
            );
        }

        var spec = release.Body.MappingAt("spec", "chart", "spec");
        var sourceRef = Reference(spec.MappingAt("sourceRef"), "HelmRepository", ns);
        return (spec.ScalarAt("chart"), Exact(spec.ScalarAt("version")), sourceRef);
    }

    private static YamlMappingNode? BodyOf(Manifest? manifest) => manifest?.Body;

    private static string? Exact(string? version) =>
        version is not null
        && !version.Contains('$', StringComparison.Ordinal)
        && NuGetVersion.TryParse(version.TrimStart('v'), out _)
            ? version
            : null;

    private static Manifest ReleaseManifest(
        ExpectedHelmRelease release,
        List<Manifest> manifests,
        string fluxNamespace
    ) =>
        manifests.First(m =>
            m.Kind == "HelmRelease"
            && m.Name == release.Key.Name
            && (m.Namespace ?? fluxNamespace) == release.Key.Namespace
        );

    private static string ReleaseNamespace(Manifest release, string fluxNamespace) =>
        release.Body.ScalarAt("spec", "targetNamespace") ?? release.Namespace ?? fluxNamespace;

    /// <summary>Flux names the Helm release <c>[targetNamespace-]name</c> unless <c>spec.releaseName</c> is set.</summary>
    private static string ReleaseName(Manifest release) =>
        release.Body.ScalarAt("spec", "releaseName")
        ?? (release.Body.ScalarAt("spec", "targetNamespace") is { } target ? $"{target}-{release.Name}" : release.Name);

    private static List<ExpectedArcController> ArcControllers(
        List<ExpectedHelmRelease> releases,
        List<Manifest> manifests,
        string fluxNamespace
    ) =>
        releases
            .Where(r => r.ChartName == ArcCharts.Controller)
            .Select(r =>
            {
                var manifest = ReleaseManifest(r, manifests, fluxNamespace);
                var values = manifest.Body.MappingAt("spec", "values");
                var name = values.ScalarAt("nameOverride") ?? "gha-rs-controller";
                var release = ReleaseName(manifest);
                var fullName =
                    values.ScalarAt("fullnameOverride")
                    ?? (release.Contains(name, StringComparison.Ordinal) ? release : $"{release}-{name}");
                return new ExpectedArcController(
                    ReleaseNamespace(manifest, fluxNamespace),
                    Truncate(fullName, 63),
                    r.ChartVersion,
                    r.Key
                );
            })
            .ToList();

    private static List<ExpectedScaleSet> ScaleSets(
        List<ExpectedHelmRelease> releases,
        List<Manifest> manifests,
        string fluxNamespace,
        List<ExpectedArcController> controllers,
        out List<ExpectedSecret> secrets
    )
    {
        var found = new List<ExpectedScaleSet>();
        secrets = [];
        foreach (var r in releases.Where(r => r.ChartName == ArcCharts.ScaleSet))
        {
            var manifest = ReleaseManifest(r, manifests, fluxNamespace);
            var values = manifest.Body.MappingAt("spec", "values");
            var ns = values.ScalarAt("namespaceOverride") ?? ReleaseNamespace(manifest, fluxNamespace);
            var name = Truncate((values.ScalarAt("runnerScaleSetName") ?? ReleaseName(manifest)).Replace('_', '-'), 45);
            var controllerNs =
                values.ScalarAt("controllerServiceAccount", "namespace") ?? controllers.FirstOrDefault()?.Namespace;
            found.Add(
                new ExpectedScaleSet(ns, name, values.IntAt("minRunners") ?? 0, r.ChartVersion, controllerNs, r.Key)
            );
            var secretName =
                values.At("githubConfigSecret") is YamlMappingNode
                    ? $"{name}-gha-rs-github-secret"
                    : values.ScalarAt("githubConfigSecret");
            if (secretName is not null)
            {
                secrets.Add(new ExpectedSecret(ns, secretName, [], ArcCredentials: true));
            }
        }

        return found;
    }

    private static List<ExpectedSecret> Secrets(
        List<Manifest> externalSecrets,
        List<ExpectedSecret> arcSecrets,
        string fluxNamespace
    )
    {
        var secrets = new List<ExpectedSecret>();
        foreach (var es in externalSecrets)
        {
            var key = Key(es, fluxNamespace);
            var target = es.Body.ScalarAt("spec", "target", "name") ?? es.Name;
            var keys = es.Body.MappingAt("spec", "target", "template", "data") is { } template
                ? template.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!).ToList()
                : es.Body.ItemsAt("spec", "data").Select(d => d.ScalarAt("secretKey")).OfType<string>().ToList();
            var arc = arcSecrets.Any(s => s.Namespace == key.Namespace && s.Name == target);
            secrets.Add(
                new ExpectedSecret(
                    key.Namespace!,
                    target,
                    keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                    arc,
                    key
                )
            );
        }

        secrets.AddRange(
            arcSecrets
                .Where(a => !secrets.Any(s => s.Namespace == a.Namespace && s.Name == a.Name))
                .DistinctBy(a => (a.Namespace, a.Name))
        );
        return secrets;
    }

    /// <summary>
    /// <paramref name="secret"/>, with the ClusterExternalSecret that writes it into its namespace as its producer (and
    /// the keys it writes) when no ExternalSecret of the repository does.
    /// </summary>
    private static ExpectedSecret ProducedByClusterExternalSecret(
        ExpectedSecret secret,
        List<ClusterExternalSecretTarget> clusterTargets,
        List<Manifest> manifests,
        string fluxNamespace
    )
    {
        if (secret.ProducedBy is not null)
        {
            return secret;
        }

        var declared = manifests.FirstOrDefault(m =>
            m.Kind == "Namespace" && m.Group == "" && m.Name == secret.Namespace
        );
        if (
            ClusterExternalSecretTarget.Writer(clusterTargets, secret.Namespace, secret.Name, declared)
            is not { } writer
        )
        {
            return secret;
        }

        IReadOnlyList<string> keys = writer.Secret.KeysUnknown
            ? []
            : [.. writer.Secret.Keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        return secret with { Keys = keys, ProducedBy = Key(writer.Source, fluxNamespace) };
    }

    private static string Truncate(string name, int max) => name.Length <= max ? name : name[..max].TrimEnd('-');
}
