using System.Text.Json.Nodes;

namespace GitOpsRunners.Tests.Fakes.Kubernetes;

/// <summary>
/// Flux objects whose status blocks look like the controllers' (kustomize-controller v1, helm-controller v2,
/// source-controller v1): Ready conditions with the real reasons and messages, revisions, history and inventory.
/// </summary>
public static class FluxFixtures
{
    public const string Commit = "696f056df216eea4f9401adbee0ff744d4df390f";

    public static JsonObject Kustomization(
        string ns,
        string name,
        string commit = Commit,
        string source = "flux-system"
    ) =>
        FixtureObject.Create(
            "kustomize.toolkit.fluxcd.io/v1",
            "Kustomization",
            ns,
            name,
            $$"""
             "metadata":{
               "labels":{"kustomize.toolkit.fluxcd.io/name":"flux-system","kustomize.toolkit.fluxcd.io/namespace":"flux-system"} },
             "spec":{"interval":"30m","path":"./kubernetes/{{name}}","prune":true,"suspend":false,
               "sourceRef":{"kind":"GitRepository","name":"{{source}}"} },
             "status":{"observedGeneration":1,
               "conditions":[{"type":"Ready","status":"True","reason":"ReconciliationSucceeded","observedGeneration":1,
                 "lastTransitionTime":"2026-08-10T10:00:00Z","message":"Applied revision: main@sha1:{{commit}}"}],
               "lastAppliedRevision":"main@sha1:{{commit}}",
               "lastAttemptedRevision":"main@sha1:{{commit}}",
               "inventory":{"entries":[{"id":"{{ns}}_{{name}}__ConfigMap","v":"v1"}]},
               "history":[{"digest":"sha256:43ad78c94b2655429d84f21488f29d7cca9cd45b7f54d2b27e16bbec8eff9228",
                 "firstReconciled":"2026-08-10T10:00:00Z","lastReconciled":"2026-08-10T10:00:00Z","lastReconciledDuration":"2.8s",
                 "lastReconciledStatus":"ReconciliationSucceeded","totalReconciliations":1,
                 "metadata":{"revision":"main@sha1:{{commit}}"} }]}
            """
        );

    /// <summary>Moves a Kustomization to a new commit, as kustomize-controller does after applying it.</summary>
    public static JsonObject Applied(this JsonObject kustomization, string commit)
    {
        var revision = $"main@sha1:{commit}";
        return kustomization
            .Set("status.lastAppliedRevision", revision)
            .Set("status.lastAttemptedRevision", revision)
            .SetCondition("Ready", "True", "ReconciliationSucceeded", $"Applied revision: {revision}");
    }

    public static JsonObject HelmRelease(
        string ns,
        string name,
        string chart,
        string version,
        JsonObject? chartSource = null
    )
    {
        var release = FixtureObject.Create(
            "helm.toolkit.fluxcd.io/v2",
            "HelmRelease",
            ns,
            name,
            $$"""
             "metadata":{
               "labels":{"kustomize.toolkit.fluxcd.io/name":"{{name}}","kustomize.toolkit.fluxcd.io/namespace":"flux-system"} },
             "spec":{"interval":"30m","chartRef":{"kind":"OCIRepository","name":"{{name}}"} },
             "status":{"observedGeneration":1,"lastAttemptedGeneration":1,
               "conditions":[
                 {"type":"Ready","status":"True","reason":"UpgradeSucceeded","observedGeneration":1,"lastTransitionTime":"2026-08-10T10:00:00Z",
                  "message":"Helm upgrade succeeded for release {{ns}}/{{name}}.v2 with chart {{chart}}@{{version}}"},
                 {"type":"Released","status":"True","reason":"UpgradeSucceeded","observedGeneration":1,"lastTransitionTime":"2026-08-10T10:00:00Z",
                  "message":"Helm upgrade succeeded for release {{ns}}/{{name}}.v2 with chart {{chart}}@{{version}}"}],
               "history":[{"chartName":"{{chart}}","chartVersion":"{{version}}","appVersion":"{{version}}","version":2,"status":"deployed",
                 "name":"{{name}}","namespace":"{{ns}}",
                 "configDigest":"sha256:2598fd0e8c65bae746c6686a61c2b2709f47ba8ed5c36450ae1c30aea9c88e9f",
                 "digest":"sha256:24f31c6f2f3da97b217a794b5fb9234818296c971ff9f849144bf07438976e4d",
                 "firstDeployed":"2026-08-01T10:00:00Z","lastDeployed":"2026-08-10T10:00:00Z"}],
               "lastAttemptedRevision":"{{version}}","lastAttemptedReleaseAction":"upgrade","storageNamespace":"{{ns}}"}
            """
        );
        if (chartSource is not null)
        {
            release["spec"]!.AsObject().Remove("chartRef");
            release.Set("spec.chart", chartSource);
        }

        return release;
    }

    /// <summary>An upgrade to <paramref name="version"/> that failed and exhausted its retries (Stalled RetriesExceeded).</summary>
    public static JsonObject UpgradeFailed(this JsonObject release, string version)
    {
        var ns = (string)release["metadata"]!["namespace"]!;
        var name = (string)release["metadata"]!["name"]!;
        return release
            .SetCondition(
                "Ready",
                "False",
                "UpgradeFailed",
                $"Helm upgrade failed for release {ns}/{name} with chart {name}@{version}: template: {name}/templates/_helpers.tpl:12: No gha-rs-controller deployment found"
            )
            .SetCondition("Stalled", "True", "RetriesExceeded", "Failed to upgrade after 4 attempt(s)")
            .Set("status.lastAttemptedRevision", version)
            .Set("status.upgradeFailures", 4)
            .Set("status.failures", 4);
    }

    public static JsonObject GitRepository(string ns, string name, string commit = Commit) =>
        Source("GitRepository", ns, name, $"main@sha1:{commit}");

    public static JsonObject OciRepository(string ns, string name, string tag) =>
        Source(
            "OCIRepository",
            ns,
            name,
            $"{tag}@sha256:1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff001"
        );

    public static JsonObject HelmRepository(string ns, string name) =>
        Source("HelmRepository", ns, name, "sha256:9c5e1f1cc0b2d8c4f7e6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4");

    private static JsonObject Source(string kind, string ns, string name, string revision) =>
        FixtureObject.Create(
            "source.toolkit.fluxcd.io/v1",
            kind,
            ns,
            name,
            $$"""
             "spec":{"interval":"1h"},
             "status":{"observedGeneration":1,
               "conditions":[
                 {"type":"Ready","status":"True","reason":"Succeeded","observedGeneration":1,"lastTransitionTime":"2026-08-10T10:00:00Z",
                  "message":"stored artifact for revision '{{revision}}'"},
                 {"type":"ArtifactInStorage","status":"True","reason":"Succeeded","observedGeneration":1,"lastTransitionTime":"2026-08-10T10:00:00Z",
                  "message":"stored artifact for revision '{{revision}}'"}],
               "artifact":{"revision":"{{revision}}","digest":"sha256:8d3b5c1e9f0a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a9b1c",
                 "lastUpdateTime":"2026-08-10T10:00:00Z","path":"{{kind.ToLowerInvariant()}}/{{ns}}/{{name}}/artifact.tar.gz","size":4096,
                 "url":"http://source-controller.flux-system.svc.cluster.local./{{kind.ToLowerInvariant()}}/{{ns}}/{{name}}/artifact.tar.gz"} }
            """
        );
}
