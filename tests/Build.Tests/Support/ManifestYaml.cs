namespace GitOpsRunners.Tests.Support;

/// <summary>A namespaced Kubernetes object as YAML text: its header, then one top-level section (<c>spec</c> unless told).</summary>
public static class ManifestYaml
{
    /// <summary>
    /// Object <paramref name="name"/> of <paramref name="kind"/>; <paramref name="body"/> lines go under
    /// <paramref name="section"/>, written at its own indentation.
    /// </summary>
    public static string Of(
        string apiVersion,
        string kind,
        string name,
        string body,
        string @namespace = "flux-system",
        string section = "spec"
    ) =>
        $"""
            apiVersion: {apiVersion}
            kind: {kind}
            metadata:
              name: {name}
              namespace: {@namespace}
            {section}:

            """ + FluxYaml.Indent(body, "  ");
}
