using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Charts;

/// <summary>The rules the chart-aware checks report, each declared once with what it means.</summary>
public static class ChartRules
{
    public static RuleDescriptor CrdVersion { get; } =
        new(
            "chart-crd-version",
            Severity.Error,
            "A custom resource at an API version that the CRDs of the pinned chart do not serve is refused by the API server once that chart is installed.",
            "move the object to a version the CRD serves (named in the message), or pin a chart that still serves it"
        );

    public static RuleDescriptor CrdDeprecated { get; } =
        new(
            "chart-crd-deprecated",
            Severity.Warning,
            "The pinned chart's CRD marks this API version deprecated: a later chart will stop serving it.",
            "move the object to the version the deprecation warning names"
        );

    public static RuleDescriptor CrdTemplate { get; } =
        new(
            "chart-crd-template",
            Severity.Info,
            "A CRD template that needs Helm to render is not guessed at: its custom resources are checked against the schema locations instead.",
            "none: said once per chart version"
        );

    public static RuleDescriptor ValuesSchema { get; } =
        new(
            "chart-values-schema",
            Severity.Error,
            "Helm refuses to install or upgrade a release whose values do not match the chart's values.schema.json.",
            "fix the value at the located key, or pin a chart version whose schema accepts it"
        );

    public static RuleDescriptor Unavailable { get; } =
        new(
            "chart-unavailable",
            Severity.Warning,
            "A chart that can be neither fetched nor found in the cache leaves its CRDs and values schema unchecked; the schema lock or locations are used instead.",
            "reach the registry (--registry-mirror, --helm-repository-mirror, credentials) or run once online to cache it"
        );

    public static RuleDescriptor Digest { get; } =
        new(
            "chart-digest",
            Severity.Error,
            "A chart archive that does not match the digest its registry or index publishes is not the chart the cluster would install.",
            "none: check the registry, the mirror and the pinned digest"
        );

    public static RuleDescriptor Missing { get; } =
        new(
            "chart-missing",
            Severity.Error,
            "The registry answers but has no such chart version, so the cluster cannot install it.",
            "pin a version the registry publishes (./build.sh Versions --check lists them)"
        );

    public static RuleDescriptor Archive { get; } =
        new(
            "chart-archive",
            Severity.Error,
            "A chart archive that is not a gzipped tar with Chart.yaml cannot be installed by Helm.",
            "none: check the chart published at that version"
        );

    public static RuleDescriptor NotChecked { get; } =
        new(
            "chart-not-checked",
            Severity.Info,
            "A chart that only the cluster can resolve (a semver range, a HelmChart or Git source) is said once, not guessed.",
            "pin an exact chart version to have it checked"
        );

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } =
    [CrdVersion, CrdDeprecated, CrdTemplate, ValuesSchema, Unavailable, Digest, Missing, Archive, NotChecked];
}
