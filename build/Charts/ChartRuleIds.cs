using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Charts;

/// <summary>The ids the chart-aware checks report, each with what it means.</summary>
public static class ChartRuleIds
{
    public const string CrdVersion = "chart-crd-version";
    public const string CrdDeprecated = "chart-crd-deprecated";
    public const string CrdTemplate = "chart-crd-template";
    public const string ValuesSchema = "chart-values-schema";
    public const string Unavailable = "chart-unavailable";
    public const string Digest = "chart-digest";
    public const string Missing = "chart-missing";
    public const string Archive = "chart-archive";
    public const string NotChecked = "chart-not-checked";

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } =
    [
        new(
            CrdVersion,
            Severity.Error,
            "A custom resource at an API version that the CRDs of the pinned chart do not serve is refused by the API server once that chart is installed.",
            "move the object to a version the CRD serves (named in the message), or pin a chart that still serves it"
        ),
        new(
            CrdDeprecated,
            Severity.Warning,
            "The pinned chart's CRD marks this API version deprecated: a later chart will stop serving it.",
            "move the object to the version the deprecation warning names"
        ),
        new(
            CrdTemplate,
            Severity.Info,
            "A CRD template that needs Helm to render is not guessed at: its custom resources are checked against the schema locations instead.",
            "none: said once per chart version"
        ),
        new(
            ValuesSchema,
            Severity.Error,
            "Helm refuses to install or upgrade a release whose values do not match the chart's values.schema.json.",
            "fix the value at the located key, or pin a chart version whose schema accepts it"
        ),
        new(
            Unavailable,
            Severity.Warning,
            "A chart that can be neither fetched nor found in the cache leaves its CRDs and values schema unchecked; the schema lock or locations are used instead.",
            "reach the registry (--registry-mirror, --helm-repository-mirror, credentials) or run once online to cache it"
        ),
        new(
            Digest,
            Severity.Error,
            "A chart archive that does not match the digest its registry or index publishes is not the chart the cluster would install.",
            "none: check the registry, the mirror and the pinned digest"
        ),
        new(
            Missing,
            Severity.Error,
            "The registry answers but has no such chart version, so the cluster cannot install it.",
            "pin a version the registry publishes (./build.sh Versions --check lists them)"
        ),
        new(
            Archive,
            Severity.Error,
            "A chart archive that is not a gzipped tar with Chart.yaml cannot be installed by Helm.",
            "none: check the chart published at that version"
        ),
        new(
            NotChecked,
            Severity.Info,
            "A chart that only the cluster can resolve (a semver range, a HelmChart or Git source) is said once, not guessed.",
            "pin an exact chart version to have it checked"
        ),
    ];
}
