namespace GitOpsRunners.Tests.Support;

/// <summary>
/// Flux objects as YAML text for tests that only need a common one: a Kustomization in <c>flux-system</c> reading the
/// <c>flux-system</c> GitRepository. Whatever a test is about (postBuild, dependsOn, …) it passes as further
/// <c>spec</c> lines, written at the spec's own indentation (no leading spaces).
/// </summary>
public static class FluxYaml
{
    /// <summary>A <c>kustomize.toolkit.fluxcd.io/v1</c> Kustomization; <paramref name="spec"/> lines are appended under <c>spec</c>.</summary>
    public static string Kustomization(
        string name,
        string path,
        string? spec = null,
        string @namespace = "flux-system",
        string interval = "10m",
        string source = "flux-system"
    ) =>
        $"""
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: {name}
              namespace: {@namespace}
            spec:
              interval: {interval}
              prune: true
              path: {path}
              sourceRef:
                kind: GitRepository
                name: {source}

            """ + Indent(spec, "  ");

    /// <summary><paramref name="spec"/> lines pushed right by <paramref name="indent"/>, ending in a line break.</summary>
    public static string Indent(string? text, string indent)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var lines = text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        return string.Concat(lines.Select(line => line.Length == 0 ? "\n" : indent + line + "\n"));
    }
}
