namespace GitOpsRunners.Validation.Schemas;

/// <summary>
/// One kind in the schema lock. <paramref name="File"/> is relative to the lock's folder; null (with no source)
/// records that no schema was found for the kind when the lock was written.
/// </summary>
public sealed record SchemaLockEntry(
    string ApiVersion,
    string Kind,
    string? File,
    string? Sha256,
    SchemaLockSource? Source
)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string Key => ApiVersion + "|" + Kind;

    /// <summary>The file name for a kind: <c>{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json</c>, as kubeconform addresses it.</summary>
    public static string FileFor(string apiVersion, string kind)
    {
        var variables = SchemaTemplateVariables.For(apiVersion, kind, "master", strict: true);
        return $"{variables.Group.ToLowerInvariant()}/{variables.ResourceKind}_{variables.ResourceAPIVersion.ToLowerInvariant()}.json";
    }
}
