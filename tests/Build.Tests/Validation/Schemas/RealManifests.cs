namespace GitOpsRunners.Tests.Validation.Schemas;

/// <summary>Typical manifests of this repository's kind, written for the real-schema specs.</summary>
internal static class RealManifests
{
    public const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: apps
          labels: {app: web}
          annotations:
            example.com/owner: team-a
        spec:
          replicas: 2
          revisionHistoryLimit: 3
          strategy:
            type: RollingUpdate
            rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              securityContext: {runAsNonRoot: true, fsGroup: 2000}
              containers:
                - name: web
                  image: ghcr.io/example/web:1.2.3
                  args: ["--port", "8080"]
                  ports:
                    - {name: http, containerPort: 8080, protocol: TCP}
                  env:
                    - {name: LOG_LEVEL, value: "debug"}
                  resources:
                    requests: {cpu: 100m, memory: 64Mi}
                    limits: {cpu: 1, memory: 1.5Gi}
                  livenessProbe:
                    httpGet: {path: /healthz, port: http}
                    periodSeconds: 10
                  readinessProbe:
                    tcpSocket: {port: 8080}
        """;

    public const string Namespace = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: arc-runners
          labels:
            kubernetes.io/metadata.name: arc-runners
        """;

    public const string ConfigMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: flux-system
        data:
          cluster_name: test
          replicas: "3"
        binaryData:
          blob: aGVsbG8=
        """;

    public const string HelmRelease = """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: arc
          namespace: arc-systems
        spec:
          interval: 30m
          timeout: 10m
          chartRef:
            kind: OCIRepository
            name: gha-runner-scale-set-controller
          install:
            crds: CreateReplace
            remediation: {retries: 3}
          upgrade:
            cleanupOnFail: true
            remediation: {retries: 3, strategy: rollback}
          values:
            replicaCount: 1
            flags: {logLevel: info}
          valuesFrom:
            - kind: ConfigMap
              name: arc-values
              optional: true
        """;

    public const string OciRepository = """
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: OCIRepository
        metadata:
          name: gha-runner-scale-set-controller
          namespace: arc-systems
        spec:
          interval: 1h
          url: oci://ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set-controller
          ref:
            tag: 0.13.0
          layerSelector:
            mediaType: application/vnd.cncf.helm.chart.content.v1.tar+gzip
            operation: copy
        """;

    public const string Kustomization = """
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: infrastructure
          namespace: flux-system
        spec:
          interval: 10m
          retryInterval: 1m
          path: ./infrastructure/overlays/test
          prune: true
          wait: true
          sourceRef:
            kind: GitRepository
            name: flux-system
          dependsOn:
            - name: crds
          postBuild:
            substitute:
              cluster_name: test
            substituteFrom:
              - kind: ConfigMap
                name: cluster-settings
          healthChecks:
            - apiVersion: apps/v1
              kind: Deployment
              name: external-secrets
              namespace: external-secrets
        """;

    public const string ExternalSecret = """
        apiVersion: external-secrets.io/v1
        kind: ExternalSecret
        metadata:
          name: github-app
          namespace: arc-runners
        spec:
          refreshInterval: 1h
          secretStoreRef:
            kind: ClusterSecretStore
            name: azure-key-vault
          target:
            name: github-app
            creationPolicy: Owner
          data:
            - secretKey: github_app_id
              remoteRef:
                key: github-app-id
            - secretKey: github_app_private_key
              remoteRef:
                key: github-app-private-key
        """;

    public const string ClusterSecretStore = """
        apiVersion: external-secrets.io/v1
        kind: ClusterSecretStore
        metadata:
          name: azure-key-vault
        spec:
          provider:
            azurekv:
              authType: WorkloadIdentity
              vaultUrl: https://example-vault.vault.azure.net
              serviceAccountRef:
                name: external-secrets
                namespace: external-secrets
        """;

    public const string Provider = """
        apiVersion: notification.toolkit.fluxcd.io/v1beta3
        kind: Provider
        metadata:
          name: github
          namespace: flux-system
        spec:
          type: github
          address: https://github.com/example/gitops
          secretRef:
            name: github-token
        """;

    public const string Alert = """
        apiVersion: notification.toolkit.fluxcd.io/v1beta3
        kind: Alert
        metadata:
          name: github-status
          namespace: flux-system
        spec:
          providerRef:
            name: github
          eventSeverity: info
          eventSources:
            - kind: Kustomization
              name: '*'
        """;
}
