namespace GitOpsRunners.Tests.Support;

/// <summary>A ConfigMap as YAML text, the way clusters keep their settings and version pins for Flux to substitute.</summary>
public static class ConfigMapYaml
{
    /// <summary>ConfigMap <paramref name="name"/>; <paramref name="data"/> lines (comments allowed) go under <c>data</c>, written at its own indentation.</summary>
    public static string Of(string name, string data, string @namespace = "flux-system") =>
        ManifestYaml.Of("v1", "ConfigMap", name, data, @namespace, section: "data");
}
