using GitOpsRunners.Diagnostics;
using GitOpsRunners.Validation.Rules;

namespace GitOpsRunners.Validation.Reports;

/// <summary>Everything one Validate run found, across clusters.</summary>
/// <param name="Rules">What the run's rule ids mean; <see cref="RuleCatalog"/> when not given.</param>
public sealed record ValidationReport(
    IReadOnlyList<string> Clusters,
    int ObjectCount,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<RuleDescriptor>? Rules = null
)
{
    /// <summary>The descriptor of <paramref name="id"/>, or null for an id nothing declares.</summary>
    public RuleDescriptor? Describe(string id) =>
        Rules is null ? RuleCatalog.Find(id) : Rules.FirstOrDefault(rule => rule.Id == id);

    public int Errors => Findings.Count(f => f.Severity == Severity.Error);

    public int Warnings => Findings.Count(f => f.Severity == Severity.Warning);

    public string Summary =>
        $"{Plural(Clusters.Count, "cluster")}, {Plural(ObjectCount, "object")}, {Plural(Errors, "error")}, {Plural(Warnings, "warning")}";

    /// <summary>Findings in a total order (by file, line, rule, cluster, then text), whatever order they were found in.</summary>
    public IEnumerable<Finding> Ordered =>
        Findings
            .OrderBy(f => f.Location?.File ?? "", StringComparer.Ordinal)
            .ThenBy(f => f.Location?.Line ?? 0)
            .ThenBy(f => f.Location?.Column ?? 0)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Cluster ?? "", StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ThenBy(f => f.Object ?? "", StringComparer.Ordinal)
            .ThenBy(f => f.Severity);

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
