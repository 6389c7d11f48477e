using GitOpsRunners.Diagnostics;
using GitOpsRunners.Validation.Renovate;
using GitOpsRunners.Validation.Schemas;

namespace GitOpsRunners.Validation.Rules;

/// <summary>
/// Every rule id Validate can report, with its default severity, rationale and help. Gathered from the rules
/// themselves and from the descriptors declared next to the code that reports outside rules (reading YAML,
/// rendering, schemas, Renovate), never written out by hand.
/// </summary>
public static class RuleCatalog
{
    public const string IgnoreAnnotation = "validate.gitops-runners.io/ignore";

    /// <summary>The help of rules an object can opt out of.</summary>
    public const string AnnotationOptOut =
        "annotation " + IgnoreAnnotation + ": <rule-id>[,<rule-id>] on the object, or --disable-rules <rule-id>";

    /// <summary>The cluster rules that run only when asked for (they need data from outside the tree).</summary>
    private static readonly IReadOnlyList<RuleDescriptor> OptionalRules = [RunnerAgePolicy.Descriptor];

    /// <summary>Ids reported outside the cluster rules.</summary>
    private static readonly IReadOnlyList<RuleDescriptor> Reported =
    [
        .. ManifestRules.Descriptors,
        .. RenderRules.Descriptors,
        .. ManifestSchemaValidator.Descriptors,
        .. CelRuleEvaluator.Descriptors,
        .. SchemaLock.Descriptors,
        .. RenovateConfigValidator.Descriptors,
        PromotionOrderRule.Descriptor,
    ];

    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [.. Reported.Concat(RuleSet.Default.SelectMany(rule => rule.Descriptors)).Concat(OptionalRules).Distinct()];

    private static readonly Dictionary<string, RuleDescriptor> ById = All.GroupBy(
            rule => rule.Id,
            StringComparer.Ordinal
        )
        .ToDictionary(ids => ids.Key, ids => ids.First(), StringComparer.Ordinal);

    /// <summary>The descriptor of <paramref name="id"/>, or null for an id nothing declares.</summary>
    public static RuleDescriptor? Find(string id) => ById.GetValueOrDefault(id);
}
