namespace GitOpsRunners.Smoke;

/// <summary>
/// Everything the reader found in one pass. <see cref="Objects"/> holds custom objects, Deployments and Pods as JSON;
/// <see cref="Crds"/> maps a CRD name to the versions it serves; <see cref="Unserved"/> lists <c>group/version/plural</c>
/// collections the API server does not know (CRD not installed).
/// </summary>
public sealed record ClusterSnapshot(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Crds,
    IReadOnlyList<ClusterObject> Objects,
    IReadOnlyList<SecretKeys> Secrets,
    IReadOnlySet<string> Unserved
)
{
    public static readonly ClusterSnapshot Empty = new(
        new Dictionary<string, IReadOnlyList<string>>(),
        [],
        [],
        new HashSet<string>()
    );

    public ClusterObject? Find(ObjectKey key) =>
        Objects.FirstOrDefault(o =>
            o.Kind == key.Kind
            && o.Name == key.Name
            && (o.Namespace ?? "") == (key.Namespace ?? "")
            && GroupOf(o.ApiVersion) == key.Group
        );

    public IEnumerable<ClusterObject> OfKind(string kind, string? ns = null) =>
        Objects.Where(o => o.Kind == kind && (ns is null || o.Namespace == ns));

    public SecretKeys? Secret(string ns, string name) =>
        Secrets.FirstOrDefault(s => s.Namespace == ns && s.Name == name);

    public bool IsServed(ObjectKey key) => !Unserved.Contains($"{key.Group}/{key.Version}/{key.Plural}");

    private static string GroupOf(string apiVersion) =>
        apiVersion.Contains('/', StringComparison.Ordinal)
            ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)]
            : "";
}
