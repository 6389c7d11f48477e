using GitOpsRunners.Manifests;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Versions.Pins;

/// <summary>One unrendered YAML document of a source file, with its 0-based index in the file.</summary>
internal sealed record RawDocument(string File, int Index, YamlNode Root)
{
    public string? Kind => Scalar("kind");

    public string? Name => Scalar("metadata", "name");

    public string? Namespace => Scalar("metadata", "namespace");

    public int StartLine => (int)Root.Start.Line;

    /// <summary>The scalar's text as written (a plain <c>~</c> too), or null when the path is missing or not a scalar.</summary>
    private string? Scalar(params string[] path) => (Root.At(path) as YamlScalarNode)?.Value;
}
