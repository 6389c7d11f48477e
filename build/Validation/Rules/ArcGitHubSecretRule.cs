using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Validation.Rules;

/// <summary>
/// The scale set's <c>githubConfigSecret</c> is produced in its namespace (by an ExternalSecret or a Secret)
/// with the keys ARC reads: <c>github_token</c>, or the three GitHub App keys.
/// </summary>
public sealed class ArcGitHubSecretRule() : ClusterRule(Descriptor)
{
    public static RuleDescriptor Descriptor { get; } =
        new(
            "arc-github-secret",
            Severity.Error,
            "The scale set cannot register with GitHub without its githubConfigSecret and the keys ARC reads.",
            RuleCatalog.AnnotationOptOut
        );

    private static readonly string[] AppKeys =
    [
        "github_app_id",
        "github_app_installation_id",
        "github_app_private_key",
    ];

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var scaleSet in ArcRelease.Find(context.Index).Where(r => !r.IsController))
        {
            var node = scaleSet.Values.At("githubConfigSecret");
            if (node is YamlMappingNode)
            {
                yield return context.Report(
                    Descriptor,
                    scaleSet.Release,
                    "githubConfigSecret holds credentials inline; name a Secret produced by an ExternalSecret instead",
                    "spec",
                    "values",
                    "githubConfigSecret"
                );
                continue;
            }

            if (node.ScalarAt() is not { } secretName)
            {
                yield return context.Report(
                    Descriptor,
                    scaleSet.Release,
                    "values.githubConfigSecret is not set; name the Secret that holds the GitHub credentials",
                    "spec",
                    "values"
                );
                continue;
            }

            var keys = SecretKeys.Of(context.Index, scaleSet.ReleaseNamespace, secretName);
            if (keys is null)
            {
                yield return context.Report(
                    Descriptor,
                    scaleSet.Release,
                    $"githubConfigSecret '{secretName}' is not produced by any ExternalSecret, ClusterExternalSecret or Secret in namespace {scaleSet.ReleaseNamespace}; add one",
                    "spec",
                    "values",
                    "githubConfigSecret"
                );
            }
            else if (keys.Count > 0 && !keys.Contains("github_token") && !AppKeys.All(keys.Contains))
            {
                yield return context.Report(
                    Descriptor,
                    scaleSet.Release,
                    $"githubConfigSecret '{secretName}' has keys [{string.Join(", ", keys.Order(StringComparer.Ordinal))}] but ARC needs github_token or {string.Join(", ", AppKeys)}",
                    "spec",
                    "values",
                    "githubConfigSecret"
                );
            }
        }
    }
}
