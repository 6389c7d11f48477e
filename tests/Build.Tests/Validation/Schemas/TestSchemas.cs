using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests.Validation.Schemas;

/// <summary>Small hand-written JSON schemas in the kubeconform layout.</summary>
internal static class TestSchemas
{
    public const string ConfigMapOpen = """
        {
          "type": "object",
          "required": ["apiVersion", "kind", "metadata"],
          "properties": {
            "apiVersion": { "type": "string", "enum": ["v1"] },
            "kind": { "type": "string", "enum": ["ConfigMap"] },
            "metadata": { "type": "object", "properties": { "name": { "type": "string" }, "namespace": { "type": "string" } } },
            "data": { "type": "object", "additionalProperties": { "type": "string" } }
          }
        }
        """;

    public const string ConfigMapStrict = """
        {
          "type": "object",
          "additionalProperties": false,
          "required": ["apiVersion", "kind", "metadata"],
          "properties": {
            "apiVersion": { "type": "string", "enum": ["v1"] },
            "kind": { "type": "string", "enum": ["ConfigMap"] },
            "metadata": { "type": "object", "additionalProperties": false, "properties": { "name": { "type": "string" }, "namespace": { "type": "string" } } },
            "data": { "type": "object", "additionalProperties": { "type": "string" } }
          }
        }
        """;

    public static readonly string Widget = ClosedKind(
        """
            "spec": {
              "type": "object",
              "additionalProperties": false,
              "required": ["size"],
              "properties": {
                "size": { "type": ["integer", "null"] },
                "port": { "oneOf": [ { "type": "string" }, { "type": "integer" } ] },
                "items": { "type": "array", "items": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string" } } } }
              }
            }
        """
    );

    public static readonly string Secret = ClosedKind(
        """
            "type": { "type": "string" },
            "data": { "type": "object", "additionalProperties": { "type": "string", "format": "byte" } },
            "stringData": { "type": "object", "additionalProperties": { "type": "string" } }
        """
    );

    /// <summary>Writes the schemas as <c>{root}/master-standalone[-strict]/…</c> and returns the root.</summary>
    public static string WriteStandalone(TempDirectory temp)
    {
        temp.Write("schemas/master-standalone/configmap-v1.json", ConfigMapOpen);
        temp.Write("schemas/master-standalone-strict/configmap-v1.json", ConfigMapStrict);
        temp.Write("schemas/master-standalone-strict/widget-example-v1.json", Widget);
        temp.Write("schemas/master-standalone/widget-example-v1.json", Widget);
        temp.Write("schemas/master-standalone-strict/secret-v1.json", Secret);
        return temp.Combine("schemas");
    }

    /// <summary>
    /// A schema of a kind that allows nothing but <c>apiVersion</c>, <c>kind</c>, <c>metadata</c> and
    /// <paramref name="properties"/> (further JSON members of its <c>properties</c>).
    /// </summary>
    private static string ClosedKind(string properties) =>
        $$"""
            {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "apiVersion": { "type": "string" },
                "kind": { "type": "string" },
                "metadata": { "type": "object" },
            {{properties}}
              }
            }
            """;
}
