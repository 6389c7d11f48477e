using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Validation.Rules;

/// <summary>Runs every cluster rule and drops what objects or parameters opted out of.</summary>
public sealed class RuleSet(IReadOnlyList<IClusterRule> rules, IReadOnlySet<string> disabledRules)
{
    public static IReadOnlyList<IClusterRule> Default { get; } =
    [
        new ReferenceRule(),
        new ValuesFromRule(),
        new DependsOnCycleRule(),
        new DuplicateObjectRule(),
        new UnusedSourceRule(),
        new ArcVersionSkewRule(),
        new ArcGitHubSecretRule(),
        new ArcControllerServiceAccountRule(),
        new ArcRunnerBoundsRule(),
        new HelmRemediationPolicy(),
        new ResourcesPolicy(),
        new PodSecurityPolicy(),
        new ImageDigestPolicy(),
        new DeprecatedApiPolicy(),
        new PlaintextSecretPolicy(),
    ];

    public IReadOnlyList<Finding> Check(RenderedCluster cluster, ISourceLocator? locator = null)
    {
        var context = RuleContext.For(cluster, locator);
        var optOuts = cluster
            .Objects.GroupBy(o => o.Manifest.Id)
            .ToDictionary(g => g.Key, g => IgnoredRules(g.First().Manifest.Body));
        return rules
            .SelectMany(rule => rule.Check(context))
            .Where(f => !disabledRules.Contains(f.RuleId))
            .Where(f =>
                f.Object is null || !optOuts.TryGetValue(f.Object, out var ignored) || !ignored.Contains(f.RuleId)
            )
            .ToList();
    }

    private static HashSet<string> IgnoredRules(YamlMappingNode body) =>
        (body.ScalarAt("metadata", "annotations", RuleCatalog.IgnoreAnnotation) ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);
}
