namespace GitOpsRunners.Validation.Schemas;

/// <summary>
/// Where a locked schema came from: <c>location</c> (a schema location, resolved to its URL or file), <c>crd</c> (a
/// CustomResourceDefinition in the repository, as <c>file:line</c>), or a later kind such as <c>chart</c> whose
/// <paramref name="Digest"/> pins the chart the schema was derived from.
/// </summary>
public sealed record SchemaLockSource(string Type, string Location, string? Digest = null)
{
    public const string FromLocation = "location";
    public const string FromCrd = "crd";
    public const string FromChart = "chart";

    public override string ToString() => Digest is null ? $"{Type} {Location}" : $"{Type} {Location}@{Digest}";
}
