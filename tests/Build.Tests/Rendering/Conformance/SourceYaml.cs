using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests.Rendering.Conformance;

/// <summary>
/// Flux sources as YAML text for the conformance trees: GitRepositories, the root <c>gotk-sync.yaml</c> that
/// <c>flux bootstrap</c> writes for cluster <c>c</c>, and source-watcher's ArtifactGenerators with the
/// Kustomizations that read their ExternalArtifacts. Further <c>spec</c> lines are written at the spec's own
/// indentation (no leading spaces).
/// </summary>
internal static class SourceYaml
{
    public const string FleetUrl = "https://github.com/example/fleet";

    /// <summary>A <c>source.toolkit.fluxcd.io/v1</c> GitRepository of <paramref name="url"/>; <paramref name="spec"/> lines are appended under <c>spec</c>.</summary>
    public static string GitRepository(
        string name,
        string url = FleetUrl,
        string? spec = null,
        string @namespace = "flux-system"
    ) =>
        $"""
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: GitRepository
            metadata:
              name: {name}
              namespace: {@namespace}
            spec:
              interval: 1m
              url: {url}

            """ + FluxYaml.Indent(spec, "  ");

    /// <summary>
    /// The <c>flux-system</c> GitRepository of this fleet on branch <c>main</c> (with <paramref name="gitRepositorySpec"/>
    /// as more of its spec) and the <c>flux-system</c> Kustomization applying <c>./clusters/c</c> from it.
    /// </summary>
    public static string GotkSync(string? gitRepositorySpec = null) =>
        GitRepository("flux-system", spec: "ref:\n  branch: main\n" + gitRepositorySpec)
        + "---\n"
        + FluxYaml.Kustomization("flux-system", "./clusters/c");

    /// <summary>
    /// A GitRepository <paramref name="name"/> of this fleet at <paramref name="tag"/> and a Kustomization of the same
    /// name applying <paramref name="path"/> from it.
    /// </summary>
    public static string KustomizationAtTag(string name, string url, string tag, string path) =>
        GitRepository(name, url, $"ref:\n  tag: {tag}\n") + "---\n" + FluxYaml.Kustomization(name, path, source: name);

    /// <summary>
    /// An ArtifactGenerator <c>flux-system/apps</c> with one artifact, <c>apps</c>, copying <paramref name="from"/>
    /// (an <c>@repo/…</c> path of the <c>flux-system</c> GitRepository) to the artifact's root.
    /// </summary>
    public static string ArtifactGenerator(string from) =>
        $"""
            apiVersion: source.extensions.fluxcd.io/v1beta1
            kind: ArtifactGenerator
            metadata:
              name: apps
              namespace: flux-system
            spec:
              sources:
                - alias: repo
                  kind: GitRepository
                  name: flux-system
              artifacts:
                - name: apps
                  copy:
                    - from: "{from}"
                      to: "@artifact/"

            """;

    /// <summary>A Kustomization in <c>flux-system</c> applying <paramref name="path"/> of the ExternalArtifact <c>apps</c>.</summary>
    public static string ArtifactKustomization(string name, string path) =>
        FluxYaml
            .Kustomization(name, path, source: "apps")
            .Replace("    kind: GitRepository\n", "    kind: ExternalArtifact\n", StringComparison.Ordinal);
}
