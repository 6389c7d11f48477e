using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests.Validation.Schemas;

/// <summary>
/// A CustomResourceDefinition of a kind in the <c>example.com</c> group as YAML text, served and stored at
/// <c>v1</c>; its plural is the kind in lower case with an <c>s</c>.
/// </summary>
internal static class ExampleCrd
{
    /// <summary>
    /// The definition of <paramref name="kind"/>: <paramref name="schema"/> is the v1 <c>openAPIV3Schema</c> and
    /// <paramref name="moreVersions"/> are further <c>spec.versions</c> entries, each written at its own indentation.
    /// </summary>
    public static string Yaml(string kind, string schema, string scope = "Namespaced", string? moreVersions = null)
    {
        var plural = kind.ToLowerInvariant() + "s";
        return $"""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: {plural}.example.com
                spec:
                  group: example.com
                  names:
                    kind: {kind}
                    plural: {plural}
                  scope: {scope}
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema:
                        openAPIV3Schema:

                """
            + FluxYaml.Indent(schema, new string(' ', 12))
            + FluxYaml.Indent(moreVersions, "    ");
    }

    /// <summary>
    /// An <c>openAPIV3Schema</c> of an object whose <c>spec</c> is an object with <paramref name="specSchema"/> (its
    /// further keywords, written at their own indentation).
    /// </summary>
    public static string SpecSchema(string specSchema) =>
        "type: object\nproperties:\n  spec:\n    type: object\n" + FluxYaml.Indent(specSchema, "    ");
}
