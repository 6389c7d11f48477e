using System.Text;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Rendering;

/// <summary>
/// Reads <c>spec.postBuild.substituteFrom</c> from the ConfigMaps and Secrets rendered so far in the
/// Kustomization's namespace. Secret values are base64-decoded (SOPS-encrypted or undecodable ones
/// become <c>..PLACEHOLDER_key..</c>) and remembered so they can be masked in the output.
/// </summary>
internal static class SubstitutionVariables
{
    public static (
        IReadOnlyList<IReadOnlyDictionary<string, string>> InOrder,
        IReadOnlyDictionary<string, string> SecretValues,
        Finding? Missing
    ) Collect(FluxKustomization kustomization, ClusterSnapshot snapshot, string cluster)
    {
        var inOrder = new List<IReadOnlyDictionary<string, string>>();
        var secretValues = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var reference in kustomization.PostBuild?.SubstituteFrom ?? [])
        {
            var key = $"{kustomization.Namespace}/{reference.Name}";
            if (reference.Kind == "Secret" && snapshot.Secrets.TryGetValue(key, out var secret))
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (name, encoded) in secret.Data)
                {
                    values[name] = secret.Encrypted ? Placeholder(name) : Decode(encoded) ?? Placeholder(name);
                }

                foreach (var (name, value) in secret.StringData)
                {
                    values[name] = secret.Encrypted ? Placeholder(name) : value;
                }

                foreach (var (name, value) in values)
                {
                    secretValues[value] = name;
                }

                inOrder.Add(values);
            }
            else if (reference.Kind != "Secret" && snapshot.ConfigMaps.TryGetValue(key, out var configMap))
            {
                var values = new Dictionary<string, string>(
                    configMap.Body.MappingAt("data").StringMap(),
                    StringComparer.Ordinal
                );
                foreach (var (name, encoded) in configMap.Body.MappingAt("binaryData").StringMap())
                {
                    values[name] = Decode(encoded) ?? "";
                }

                inOrder.Add(values);
            }
            else if (!reference.Optional)
            {
                var finding = new Finding(
                    Severity.Error,
                    RenderRuleIds.SubstituteFromMissing,
                    $"Kustomization {kustomization.Id}: spec.postBuild.substituteFrom names {reference.Kind} {key}, which no Kustomization in this cluster applies; Flux stops at this. Add it, fix the name, or mark it 'optional: true'.",
                    kustomization.Location,
                    cluster,
                    $"Kustomization/{kustomization.Id}"
                );
                return ([], secretValues, finding);
            }
        }

        return (inOrder, secretValues, null);
    }

    public static string Placeholder(string key) => $"..PLACEHOLDER_{key}..";

    private static string? Decode(string encoded)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(encoded.Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
