using System.Globalization;

namespace GitOpsRunners.Benchmarks;

/// <summary>
/// Writes a Flux repository of <c>clusters × apps</c> in the per-app <c>ks.yaml</c> style: shared bases,
/// one overlay and one settings ConfigMap per cluster, postBuild substitution in every app.
/// </summary>
public static class SyntheticRepository
{
    public static void Generate(string root, int clusters, int apps)
    {
        var k8s = Path.Combine(root, "kubernetes");
        for (var a = 0; a < apps; a++)
        {
            var app = $"app-{a:D2}";
            Write(
                k8s,
                $"apps/base/{app}/ks.yaml",
                FluxKustomization(
                    app,
                    $"./kubernetes/apps/base/{app}/app",
                    $"""
                      wait: true
                      targetNamespace: {app}
                      postBuild:
                        substituteFrom:
                          - kind: ConfigMap
                            name: cluster-settings
                    """
                )
            );
            Write(
                k8s,
                $"apps/base/{app}/kustomization.yaml",
                """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - namespace.yaml
                  - ks.yaml
                """
            );
            Write(
                k8s,
                $"apps/base/{app}/namespace.yaml",
                $"""
                ---
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: {app}
                  labels:
                    pod-security.kubernetes.io/enforce: restricted
                """
            );
            Write(
                k8s,
                $"apps/base/{app}/app/kustomization.yaml",
                """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - deployment.yaml
                  - service.yaml
                configMapGenerator:
                  - name: settings
                    literals:
                      - LOG_LEVEL=info
                """
            );
            Write(
                k8s,
                $"apps/base/{app}/app/deployment.yaml",
                $$"""
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: {{app}}
                spec:
                  replicas: ${REPLICAS:=2}
                  selector:
                    matchLabels: {app: {{app}}}
                  template:
                    metadata:
                      labels: {app: {{app}}}
                    spec:
                      containers:
                        - name: app
                          image: "registry.example.org/{{app}}:1.0.0@sha256:{{new string('a', 64)}}"
                          env:
                            - name: CLUSTER
                              value: "${CLUSTER_NAME}"
                          resources:
                            requests: {cpu: 10m, memory: 32Mi}
                            limits: {cpu: 100m, memory: 64Mi}
                """
            );
            Write(
                k8s,
                $"apps/base/{app}/app/service.yaml",
                $$"""
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: {{app}}
                spec:
                  selector: {app: {{app}}}
                  ports:
                    - port: 80
                      targetPort: 8080
                """
            );
        }

        for (var c = 0; c < clusters; c++)
        {
            var cluster = $"cluster-{c:D2}";
            Write(
                k8s,
                $"clusters/{cluster}/apps.yaml",
                FluxKustomization("apps", $"./kubernetes/apps/overlays/{cluster}")
            );
            var resources = string.Join("\n", Enumerable.Range(0, apps).Select(a => $"  - ../../base/app-{a:D2}"));
            Write(
                k8s,
                $"apps/overlays/{cluster}/kustomization.yaml",
                $"""
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - cluster-settings.yaml
                {resources}
                """
            );
            Write(
                k8s,
                $"apps/overlays/{cluster}/cluster-settings.yaml",
                FluxObject(
                    "v1",
                    "ConfigMap",
                    "cluster-settings",
                    $"""
                    data:
                      CLUSTER_NAME: "{cluster}"
                      REPLICAS: "{(c % 3 + 1).ToString(CultureInfo.InvariantCulture)}"
                    """
                )
            );
        }
    }

    /// <summary>
    /// A Flux Kustomization applying <paramref name="path"/> of the flux-system GitRepository every 30 minutes, with
    /// pruning; <paramref name="more"/> adds spec fields (each line indented by two spaces).
    /// </summary>
    private static string FluxKustomization(string name, string path, string more = "") =>
        FluxObject(
            "kustomize.toolkit.fluxcd.io/v1",
            "Kustomization",
            name,
            $"""
            spec:
              interval: 30m
              prune: true
              sourceRef:
                kind: GitRepository
                name: flux-system
              path: {path}
            {more}
            """
        );

    /// <summary>A YAML document for an object in the flux-system namespace: its type and name, then <paramref name="body"/>.</summary>
    private static string FluxObject(string apiVersion, string kind, string name, string body) =>
        $"""
            ---
            apiVersion: {apiVersion}
            kind: {kind}
            metadata:
              name: {name}
              namespace: flux-system
            {body}
            """;

    private static void Write(string root, string relative, string content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.EndsWith('\n') ? content : content + "\n");
    }
}
