using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Rendering;

/// <summary>
/// The Secret an External Secrets Operator <c>ExternalSecret</c> writes: <c>spec.target.name</c> (default: the
/// ExternalSecret's name) in its namespace, unless <c>creationPolicy</c> is <c>None</c> or <c>Merge</c> (which
/// create nothing). Its keys are <c>spec.data[].secretKey</c>; a <c>target.template</c> with the default
/// <c>mergePolicy: Replace</c> replaces them with <c>template.data</c>'s keys, <c>Merge</c> adds those.
/// <c>dataFrom</c> and <c>templateFrom</c> bring keys that only the provider knows.
/// </summary>
internal static class ExternalSecretTarget
{
    public static (string Key, ProducedSecret Secret)? Read(Manifest manifest)
    {
        if (manifest.Kind != "ExternalSecret" || manifest.Group != KubernetesApi.ExternalSecretsGroup)
        {
            return null;
        }

        return
            FromSpec(
                manifest.Body.MappingAt("spec"),
                manifest.Name,
                $"ExternalSecret {manifest.Namespace}/{manifest.Name}",
                manifest.Location
            )
                is var (name, secret)
            ? ($"{manifest.Namespace}/{name}", secret)
            : null;
    }

    /// <summary>
    /// The name and content of the Secret that an ExternalSecret named <paramref name="externalSecretName"/> with
    /// <paramref name="spec"/> writes, or null when it creates none.
    /// </summary>
    public static (string Name, ProducedSecret Secret)? FromSpec(
        YamlMappingNode? spec,
        string externalSecretName,
        string producer,
        SourceLocation location
    )
    {
        var target = spec.MappingAt("target");
        if (target.ScalarAt("creationPolicy") is "None" or "Merge")
        {
            return null;
        }

        var fromData = spec.ItemsAt("data").Select(item => item.ScalarAt("secretKey")).OfType<string>().ToList();
        var template = target.MappingAt("template");
        IReadOnlyList<string> keys = fromData;
        var unknown = spec.SequenceAt("dataFrom") is { Children.Count: > 0 };
        if (template is not null)
        {
            var templated = template.MappingAt("data").StringMap().Keys.ToList();
            keys = template.ScalarAt("mergePolicy") == "Merge" ? [.. fromData.Union(templated)] : templated;
            unknown =
                template.SequenceAt("templateFrom") is { Children.Count: > 0 }
                || (unknown && template.ScalarAt("mergePolicy") == "Merge");
        }

        return (target.ScalarAt("name") ?? externalSecretName, new ProducedSecret(producer, keys, unknown, location));
    }
}
