using System.Text;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering.Substitution;

namespace GitOpsRunners.Rendering;

/// <summary>
/// Collects a Kustomization's post-build variables as kustomize-controller's <c>LoadVariables</c> does: the
/// <c>substituteFrom</c> ConfigMaps (<c>data</c> only; <c>binaryData</c> is not read) and Secrets (<c>data</c>,
/// decoded) in the Kustomization's namespace, in order, each overwriting earlier ones, then the inline
/// <c>substitute</c> over all of them. A Secret that an ExternalSecret (or a ClusterExternalSecret selecting the namespace) in the cluster writes
/// exists when Flux reconciles: its known keys substitute as masked placeholders, and keys only the provider knows leave the set
/// open (see <see cref="PostBuildVariableSet.OpenSources"/>). SOPS-encrypted or undecodable values are placeholders.
/// </summary>
internal static class SubstitutionVariables
{
    public static (PostBuildVariableSet? Variables, Finding? Missing, Finding? Invalid) Collect(
        FluxKustomization kustomization,
        ClusterSnapshot snapshot,
        string cluster,
        Func<SourceLocation, string[], SourceLocation> locate
    )
    {
        var inOrder = new List<IReadOnlyDictionary<string, string>>();
        var origins = new Dictionary<string, (SourceLocation At, string[] Path, bool Secret)>(StringComparer.Ordinal);
        var open = new List<string>();
        foreach (var reference in kustomization.PostBuild?.SubstituteFrom ?? [])
        {
            var key = $"{kustomization.Namespace}/{reference.Name}";
            IReadOnlyDictionary<string, string>? values = null;
            SourceLocation? at = null;
            var field = "data";
            if (reference.Kind == "Secret" && snapshot.Secrets.TryGetValue(key, out var secret))
            {
                values = SecretData(secret);
                at = secret.Location;
                field = secret.StringData.Count > 0 && secret.Data.Count == 0 ? "stringData" : "data";
            }
            else if (
                reference.Kind == "Secret"
                && snapshot.Produced(kustomization.Namespace, reference.Name) is { } produced
            )
            {
                values = produced
                    .Keys.Distinct(StringComparer.Ordinal)
                    .ToDictionary(k => k, Placeholder, StringComparer.Ordinal);
                at = produced.Location;
                if (produced.KeysUnknown)
                {
                    open.Add($"Secret {key} (written by {produced.Producer})");
                }
            }
            else if (reference.Kind != "Secret" && snapshot.ConfigMaps.TryGetValue(key, out var configMap))
            {
                values = configMap.Body.MappingAt("data").StringMap();
                at = configMap.Location;
            }
            else if (!reference.Optional)
            {
                var finding = new Finding(
                    RenderRules.SubstituteFromMissing,
                    $"Kustomization {kustomization.Id}: spec.postBuild.substituteFrom names {reference.Kind} {key}, which nothing in this cluster applies or writes; Flux fails with \"substitute from '{reference.Kind}/{reference.Name}' error: not found\". Add it, fix the name, or mark it 'optional: true'.",
                    kustomization.Location,
                    cluster,
                    $"Kustomization/{kustomization.Id}"
                );
                return (null, finding, null);
            }

            if (values is null)
            {
                continue;
            }

            inOrder.Add(values);
            foreach (var name in values.Keys)
            {
                origins[name] = (at ?? kustomization.Location, [field, name], reference.Kind == "Secret");
            }
        }

        var inline = kustomization.PostBuild?.Substitute ?? new Dictionary<string, string>();
        foreach (var name in inline.Keys)
        {
            origins[name] = (kustomization.Location, ["spec", "postBuild", "substitute", name], false);
        }

        var invalid = origins
            .Keys.Where(n => !PostBuildVariables.IsValidName(n))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (invalid.Count > 0)
        {
            var first = origins[invalid[0]];
            var names = string.Join(", ", invalid.Select(n => $"'{n}'"));
            var finding = new Finding(
                RenderRules.Substitution,
                $"Kustomization {kustomization.Id}: post-build variable name {names} is invalid, must match '^[_[:alpha:]][_[:alpha:][:digit:]]*$'; "
                    + "Flux fails the whole Kustomization with \"envsubst error\" and applies nothing from it. Rename the key (letters, digits and '_', not starting with a digit).",
                locate(first.At, first.Path),
                cluster,
                $"Kustomization/{kustomization.Id}"
            );
            return (null, null, finding);
        }

        var merged = PostBuildVariables.Merge(inOrder, inline);
        var secretNames = origins.Where(o => o.Value.Secret).Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        return (new PostBuildVariableSet(merged, secretNames, open), null, null);
    }

    public static string Placeholder(string key) => $"..PLACEHOLDER_{key}..";

    /// <summary>A Secret's variables as the API server would hold them: <c>stringData</c> merged over <c>data</c>.</summary>
    private static Dictionary<string, string> SecretData(SecretValues secret)
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

        return values;
    }

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
