namespace GitOpsRunners.Tests.Support.Charts;

/// <summary>
/// Two External Secrets chart versions as the v1beta1 → v1 story needs them: 0.16.2, whose CRD still serves
/// <c>v1beta1</c> beside <c>v1</c>, and 0.17.0, whose CRD serves only <c>v1</c>. The CRD is a template wrapped in
/// <c>{{- if .Values.installCRDs }}</c>, as the real chart ships it.
/// </summary>
public static class ExternalSecretsCharts
{
    public static ChartPackage Old { get; } =
        Chart(
            "0.16.2",
            ChartPackage.CrdVersion("v1beta1", storage: false) + ChartPackage.CrdVersion("v1", storage: true)
        );

    public static ChartPackage DroppedV1Beta1 { get; } = Chart("0.17.0", ChartPackage.CrdVersion("v1", storage: true));

    /// <summary>A loopback Helm repository serving both versions.</summary>
    public static async Task<HelmChartServer> ServeAsync()
    {
        var server = await HelmChartServer.StartAsync();
        server.Add(Old).Add(DroppedV1Beta1);
        return server;
    }

    /// <summary>A cluster's <c>cluster-versions</c> ConfigMap pinning <c>ESO_CHART_VERSION</c>.</summary>
    public static string ClusterVersions(string chartVersion) =>
        ConfigMapYaml.Of("cluster-versions", $"ESO_CHART_VERSION: \"{chartVersion}\"");

    private static ChartPackage Chart(string version, string versions) =>
        new ChartPackage("external-secrets", version)
            .With("values.yaml", "installCRDs: true\n")
            .With(
                "templates/crds/externalsecret.yaml",
                "{{- if .Values.installCRDs }}\n"
                    + ChartPackage.Crd("external-secrets.io", "ExternalSecret", versions)
                    + "{{- end }}\n"
            );
}
