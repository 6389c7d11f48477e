using System.Text.Json.Nodes;
using GitOpsRunners.Rendering;
using GitOpsRunners.Smoke;
using GitOpsRunners.Tests.Fakes.Kubernetes;
using ClusterSnapshot = GitOpsRunners.Smoke.ClusterSnapshot;

namespace GitOpsRunners.Tests.Smoke;

/// <summary>
/// One cluster's rendered desired state (Flux Kustomizations, ARC controller and scale set from OCI charts, ESO from a
/// Helm repository, an azurekv store and the runners' GitHub secret) and the healthy cluster that matches it.
/// </summary>
internal static class SmokeScenario
{
    public const string Cluster = "aks-test-00";
    public const string ArcNamespace = "actions-runner-system";
    public const string ScaleSet = "arc-runners-tst";
    public const string ControllerDeployment = "gha-runner-scale-set-controller-gha-rs-controller";
    public const string ArcVersion = "0.14.2";
    public const string Commit = FluxFixtures.Commit;
    public const string Listener = ScaleSet + "-754b578d-listener";

    public const string Yaml = """
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata: {name: apps, namespace: flux-system}
        spec: {interval: 30m, path: ./kubernetes/apps, prune: true, sourceRef: {kind: GitRepository, name: flux-system}}
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata: {name: gha-runner-scale-set, namespace: flux-system}
        spec: {interval: 30m, path: ./kubernetes/arc, prune: true, targetNamespace: actions-runner-system, sourceRef: {kind: GitRepository, name: flux-system}}
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: OCIRepository
        metadata: {name: gha-runner-scale-set-controller, namespace: actions-runner-system}
        spec: {interval: 1h, url: oci://ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set-controller, ref: {tag: "0.14.2"}}
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: OCIRepository
        metadata: {name: gha-runner-scale-set, namespace: actions-runner-system}
        spec: {interval: 1h, url: oci://ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set, ref: {tag: "0.14.2"}}
        ---
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata: {name: gha-runner-scale-set-controller, namespace: actions-runner-system}
        spec:
          interval: 30m
          chartRef: {kind: OCIRepository, name: gha-runner-scale-set-controller}
          values:
            serviceAccount: {create: true, name: gha-rs-controller}
        ---
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata: {name: gha-runner-scale-set, namespace: actions-runner-system}
        spec:
          interval: 30m
          chartRef: {kind: OCIRepository, name: gha-runner-scale-set}
          values:
            githubConfigUrl: https://github.com/example/repo
            githubConfigSecret: gha-runner-scale-set-github
            runnerScaleSetName: arc-runners-tst
            minRunners: 1
            maxRunners: 3
            controllerServiceAccount: {name: gha-rs-controller, namespace: actions-runner-system}
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: HelmRepository
        metadata: {name: external-secrets, namespace: external-secrets}
        spec: {interval: 1h, url: https://charts.external-secrets.io}
        ---
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata: {name: external-secrets, namespace: external-secrets}
        spec:
          interval: 30m
          chart:
            spec: {chart: external-secrets, version: "2.9.0", sourceRef: {kind: HelmRepository, name: external-secrets}}
        ---
        apiVersion: external-secrets.io/v1
        kind: ClusterSecretStore
        metadata: {name: azurekv}
        spec:
          provider:
            azurekv: {authType: WorkloadIdentity, vaultUrl: "https://kv-test.vault.azure.net/", serviceAccountRef: {name: external-secrets, namespace: external-secrets}}
        ---
        apiVersion: external-secrets.io/v1
        kind: ExternalSecret
        metadata: {name: gha-runner-scale-set-github, namespace: actions-runner-system}
        spec:
          secretStoreRef: {kind: ClusterSecretStore, name: azurekv}
          target: {name: gha-runner-scale-set-github}
          data:
            - {secretKey: github_token, remoteRef: {key: gh-flux-aks-token}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: actions-runner-system}
        """;

    public static RenderedCluster Rendered() => RenderedClusters.FromYaml(Cluster, Yaml);

    public static SmokeExpectations Expected(string? revision = Commit) => SmokeExpectations.From(Rendered(), revision);

    /// <summary>Everything the scenario expects, Ready, at <paramref name="commit"/>.</summary>
    public static List<JsonObject> HealthyObjects(string commit = Commit)
    {
        var objects = CrdFixtures.Flux().Concat(CrdFixtures.ExternalSecrets()).Concat(CrdFixtures.Arc()).ToList();

        foreach (
            var controller in new[]
            {
                "source-controller",
                "kustomize-controller",
                "helm-controller",
                "notification-controller",
            }
        )
        {
            objects.Add(
                CoreFixtures
                    .Deployment("flux-system", controller, $"ghcr.io/fluxcd/{controller}:v1.9.4")
                    .Label("app.kubernetes.io/part-of", "flux")
            );
        }

        objects.Add(FluxFixtures.GitRepository("flux-system", "flux-system", commit));
        objects.Add(FluxFixtures.Kustomization("flux-system", "apps", commit));
        objects.Add(FluxFixtures.Kustomization("flux-system", "gha-runner-scale-set", commit));
        objects.Add(FluxFixtures.OciRepository(ArcNamespace, "gha-runner-scale-set-controller", ArcVersion));
        objects.Add(FluxFixtures.OciRepository(ArcNamespace, "gha-runner-scale-set", ArcVersion));
        objects.Add(
            FluxFixtures.HelmRelease(
                ArcNamespace,
                "gha-runner-scale-set-controller",
                "gha-runner-scale-set-controller",
                ArcVersion
            )
        );
        objects.Add(FluxFixtures.HelmRelease(ArcNamespace, "gha-runner-scale-set", "gha-runner-scale-set", ArcVersion));
        objects.Add(FluxFixtures.HelmRepository("external-secrets", "external-secrets"));
        objects.Add(FluxFixtures.HelmRelease("external-secrets", "external-secrets", "external-secrets", "2.9.0"));

        objects.Add(ExternalSecretsFixtures.ClusterSecretStore("azurekv"));
        objects.Add(
            ExternalSecretsFixtures.ExternalSecret(
                ArcNamespace,
                "gha-runner-scale-set-github",
                "azurekv",
                "gha-runner-scale-set-github"
            )
        );
        objects.Add(CoreFixtures.Secret(ArcNamespace, "gha-runner-scale-set-github", "github_token"));

        objects.Add(ArcFixtures.Controller(ArcNamespace, ControllerDeployment, ArcVersion));
        objects.Add(ArcFixtures.ScaleSet(ArcNamespace, ScaleSet, ArcVersion, currentRunners: 1));
        objects.Add(ArcFixtures.ListenerPod(ArcNamespace, ArcNamespace, ScaleSet));
        objects.Add(ArcFixtures.EphemeralRunner(ArcNamespace, ScaleSet, "x7k2p"));
        return objects;
    }

    /// <summary>The healthy cluster but for the apps Kustomization, whose Ready condition is False for <paramref name="reason"/>.</summary>
    public static List<JsonObject> WithAppsNotReady(string reason, string message) =>
        HealthyObjects().With("Kustomization", "apps", k => k.SetCondition("Ready", "False", reason, message));

    /// <summary>The healthy cluster but for the listener pod, pending in ImagePullBackOff.</summary>
    public static List<JsonObject> WithListenerPullingItsImage() =>
        HealthyObjects()
            .With(
                "Pod",
                Listener,
                _ =>
                    ArcFixtures.ListenerPod(
                        ArcNamespace,
                        ArcNamespace,
                        ScaleSet,
                        "Pending",
                        ready: false,
                        waitingReason: "ImagePullBackOff"
                    )
            );

    /// <summary>Loads <paramref name="objects"/> (default: the healthy cluster) into the fake API server.</summary>
    public static void Load(KubernetesApiServer server, IEnumerable<JsonObject>? objects = null)
    {
        foreach (var obj in objects ?? HealthyObjects())
        {
            server.Add(obj);
        }
    }

    /// <summary>Replaces the object of <paramref name="kind"/> and <paramref name="name"/> by what <paramref name="change"/> makes of it.</summary>
    public static List<JsonObject> With(
        this List<JsonObject> objects,
        string kind,
        string name,
        Func<JsonObject, JsonObject> change
    )
    {
        var index = objects.FindIndex(o => (string?)o["kind"] == kind && (string?)o["metadata"]!["name"] == name);
        objects[index] = change(objects[index]);
        return objects;
    }

    public static List<JsonObject> Without(this List<JsonObject> objects, string kind, string name)
    {
        objects.RemoveAll(o => (string?)o["kind"] == kind && (string?)o["metadata"]!["name"] == name);
        return objects;
    }

    /// <summary>The snapshot a reader would return for <paramref name="objects"/>: CRDs by served versions, Secrets by key names.</summary>
    public static ClusterSnapshot Snapshot(IEnumerable<JsonObject> objects)
    {
        var list = objects.ToList();
        var crds = list.Where(o => (string?)o["kind"] == "CustomResourceDefinition")
            .ToDictionary(
                o => (string)o["metadata"]!["name"]!,
                o => (IReadOnlyList<string>)o["spec"]!["versions"]!.AsArray().Select(v => (string)v!["name"]!).ToList()
            );
        var secrets = list.Where(o => (string?)o["kind"] == "Secret")
            .Select(o => new SecretKeys(
                (string)o["metadata"]!["namespace"]!,
                (string)o["metadata"]!["name"]!,
                o["data"]!.AsObject().Select(p => p.Key).ToList()
            ))
            .ToList();
        var others = list.Where(o => (string?)o["kind"] is not ("CustomResourceDefinition" or "Secret" or "Event"))
            .Select(o => ClusterObject.Parse(o.ToJsonString()))
            .ToList();
        var unserved = CrdFixtures
            .Flux()
            .Concat(CrdFixtures.ExternalSecrets())
            .Concat(CrdFixtures.Arc())
            .Where(crd => !crds.ContainsKey((string)crd["metadata"]!["name"]!))
            .Select(crd =>
                $"{crd["spec"]!["group"]}/{crd["spec"]!["versions"]![0]!["name"]}/{crd["spec"]!["names"]!["plural"]}"
            )
            .ToHashSet(StringComparer.Ordinal);
        return new ClusterSnapshot(crds, others, secrets, unserved);
    }
}
