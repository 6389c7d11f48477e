using Newtonsoft.Json.Linq;

namespace GitOpsRunners.Validation.Schemas;

/// <summary>The JSON schema of one version of a CustomResourceDefinition, ready for validation or writing.</summary>
public sealed record CrdSchema(string Group, string Kind, string Plural, string Version, JObject Schema)
{
    public string ApiVersion => $"{Group}/{Version}";

    /// <summary>Path of the file for this schema under an output folder, in the given layout ('/' separated).</summary>
    public IReadOnlyList<string> RelativePaths(CrdSchemaLayout layout, string kubernetesVersion = "master")
    {
        var kind = Kind.ToLowerInvariant();
        var version = Version.ToLowerInvariant();
        switch (layout)
        {
            case CrdSchemaLayout.GroupKindVersion:
                return [$"{Group.ToLowerInvariant()}/{kind}_{version}.json"];
            case CrdSchemaLayout.KubeconformStandalone:
                var variables = SchemaTemplateVariables.For(ApiVersion, Kind, kubernetesVersion, strict: false);
                var file = variables.ResourceKind + variables.KindSuffix + ".json";
                return
                [
                    $"{variables.NormalizedKubernetesVersion}-standalone/{file}",
                    $"{variables.NormalizedKubernetesVersion}-standalone-strict/{file}",
                ];
            default:
                return [$"{kind}_{version}.json"];
        }
    }
}
