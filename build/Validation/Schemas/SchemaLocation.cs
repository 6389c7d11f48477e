using GitOpsRunners.Engine;

namespace GitOpsRunners.Validation.Schemas;

/// <summary>
/// One place to look for schemas: a local file/folder template or an http(s) URL template,
/// normalised like kubeconform (<c>default</c> expands; a location not ending in "json" gets the standard suffix).
/// </summary>
public sealed record SchemaLocation(string Original, SchemaLocationTemplate Template)
{
    public const string Default = "default";

    public const string DefaultTemplate =
        "https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json";

    public const string DatreeCatalogTemplate =
        "https://raw.githubusercontent.com/datreeio/CRDs-catalog/main/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json";

    public const string StandaloneSuffix =
        "/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json";

    public bool IsHttp =>
        Template.Text.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || Template.Text.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses a <c>--schema-location</c> value; a bad template is a usage error naming it.</summary>
    public static SchemaLocation Parse(string location)
    {
        var text = location.Trim();
        if (text.Length == 0)
        {
            throw new UsageException("failed initialising schema location registry: a schema location is empty");
        }

        if (text == Default)
        {
            text = DefaultTemplate;
        }
        else if (!text.EndsWith("json", StringComparison.Ordinal))
        {
            text = text.TrimEnd('/') + StandaloneSuffix;
        }

        var template = SchemaLocationTemplate.Parse(text, out var error);
        if (error is not null)
        {
            throw new UsageException(
                $"failed initialising schema location registry for \"{location}\": {error}. "
                    + "Known variables: NormalizedKubernetesVersion, StrictSuffix, ResourceKind, ResourceAPIVersion, Group, KindSuffix"
            );
        }

        return new SchemaLocation(location, template);
    }

    public string Resolve(SchemaTemplateVariables variables) => Template.Render(variables);

    public override string ToString() => Original;
}
