using GitOpsRunners.Manifests;

namespace GitOpsRunners.Smoke;

/// <summary>Where an object lives in the API: group (empty for core), version, kind, plural resource, namespace (null when cluster-scoped), name.</summary>
public sealed record ObjectKey(string Group, string Version, string Kind, string Plural, string? Namespace, string Name)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Kind/namespace/name or Kind/name, as in validation findings.</summary>
    public string Id => Namespace is { Length: > 0 } ns ? $"{Kind}/{ns}/{Name}" : $"{Kind}/{Name}";

    public static ObjectKey For(string apiVersion, string kind, string? ns, string name)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? "" : apiVersion[..slash];
        var version = slash < 0 ? apiVersion : apiVersion[(slash + 1)..];
        return new ObjectKey(
            group,
            version,
            kind,
            KubernetesApi.Plural(kind),
            ApiScopes.Of(group, kind) == ObjectScope.Cluster ? null : ns,
            name
        );
    }

    public override string ToString() => Id;
}
