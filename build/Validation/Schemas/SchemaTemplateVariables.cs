using System.Text.RegularExpressions;
using GitOpsRunners.Engine;

namespace GitOpsRunners.Validation.Schemas;

/// <summary>
/// The values a schema location template may use, computed the way kubeconform does:
/// <c>Group</c> is the part of apiVersion before '/', so it is the version itself for the core group ("v1").
/// </summary>
public sealed partial record SchemaTemplateVariables(
    string NormalizedKubernetesVersion,
    string StrictSuffix,
    string ResourceKind,
    string ResourceAPIVersion,
    string Group,
    string KindSuffix
)
{
    public static SchemaTemplateVariables For(string apiVersion, string kind, string kubernetesVersion, bool strict)
    {
        var parts = apiVersion.Split('/');
        var firstLabel = parts[0].Split('.')[0].ToLowerInvariant();
        var kindSuffix = parts.Length > 1 ? $"-{firstLabel}-{parts[1].ToLowerInvariant()}" : $"-{firstLabel}";
        return new SchemaTemplateVariables(
            NormalizeKubernetesVersion(kubernetesVersion),
            strict ? "-strict" : "",
            kind.ToLowerInvariant(),
            parts[^1],
            parts[0],
            kindSuffix
        );
    }

    /// <summary>"master" stays, "1.36.0" becomes "v1.36.0"; anything else is a usage error.</summary>
    public static string NormalizeKubernetesVersion(string version)
    {
        if (version == "master")
        {
            return version;
        }

        var bare = version.StartsWith('v') ? version[1..] : version;
        if (!FullVersion().IsMatch(bare))
        {
            throw new UsageException(
                $"invalid Kubernetes version \"{version}\": use \"master\" or a full version x.y.z (e.g. \"1.36.0\")"
            );
        }

        return "v" + bare;
    }

    public string? Get(string name) =>
        name switch
        {
            nameof(NormalizedKubernetesVersion) => NormalizedKubernetesVersion,
            nameof(StrictSuffix) => StrictSuffix,
            nameof(ResourceKind) => ResourceKind,
            nameof(ResourceAPIVersion) => ResourceAPIVersion,
            nameof(Group) => Group,
            nameof(KindSuffix) => KindSuffix,
            _ => null,
        };

    public static bool IsKnown(string name) =>
        name
            is nameof(NormalizedKubernetesVersion)
                or nameof(StrictSuffix)
                or nameof(ResourceKind)
                or nameof(ResourceAPIVersion)
                or nameof(Group)
                or nameof(KindSuffix);

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex FullVersion();
}
