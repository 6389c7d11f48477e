using System.Text.RegularExpressions;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Rendering;

/// <summary>
/// Maps kustomize's <c>config.kubernetes.io/origin</c> annotation back to a repository file and line: the
/// document with the same kind and name (before prefixes, suffixes and generator hashes), or line 1.
/// Scratch paths are read from the artifact, whose files are the repository's, byte for byte.
/// </summary>
internal sealed partial class OriginLocator(ParsedFileCache files, Func<string, string> displayPath)
{
    public const string OriginAnnotation = "config.kubernetes.io/origin";

    /// <summary>
    /// The repository file and line of a built object; <c>FullPath</c> is the artifact file it was read from
    /// (null when unknown). Origin paths are relative to the built folder, as kustomize writes them.
    /// </summary>
    public (SourceLocation Location, string? FullPath) Locate(
        string? origin,
        BuildResult build,
        string? kind,
        string? name
    )
    {
        if (string.IsNullOrWhiteSpace(origin))
        {
            return (new SourceLocation("<kustomize>", 1), null);
        }

        var annotation = YamlFileLoader.Parse(origin, "<origin>").Documents.FirstOrDefault()?.Root;
        var path = annotation.ScalarAt("path");
        var configuredIn = annotation.ScalarAt("configuredIn");
        var relative = path ?? configuredIn;
        if (relative is null || annotation.ScalarAt("repo") is not null)
        {
            return (new SourceLocation(annotation.ScalarAt("repo") ?? "<kustomize>", 1), null);
        }

        var full = build.ToArtifactPath(Path.GetFullPath(Path.Combine(build.Directory, relative)));
        var file = displayPath(full);
        var line = path is not null ? DocumentLine(full, kind, name) : GeneratorLine(full, name);
        return (new SourceLocation(file, line ?? 1), full);
    }

    private int? DocumentLine(string fullPath, string? kind, string? name)
    {
        var candidates = files.Get(fullPath).Documents.Where(d => d.Root.ScalarAt("kind") == kind).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var exact = candidates.FirstOrDefault(d => d.Root.ScalarAt("metadata", "name") == name);
        if (exact is not null)
        {
            return exact.Location.Line;
        }

        var partial = candidates
            .Select(d => (Document: d, Name: d.Root.ScalarAt("metadata", "name")))
            .Where(c => c.Name is { Length: > 0 } && name is not null && NameMatches(c.Name, name))
            .OrderByDescending(c => c.Name!.Length)
            .FirstOrDefault();
        return partial.Document?.Location.Line ?? candidates[0].Location.Line;
    }

    private int? GeneratorLine(string fullPath, string? name)
    {
        if (name is null)
        {
            return null;
        }

        var best = files
            .Get(fullPath)
            .Documents.SelectMany(d => NameNodes(d.Root))
            .Where(n => n.Value is { Length: > 0 } v && NameMatches(v, name))
            .OrderByDescending(n => n.Value!.Length)
            .FirstOrDefault();
        return best is null ? null : (int)best.Start.Line;
    }

    private static bool NameMatches(string sourceName, string renderedName)
    {
        if (!sourceName.Contains("${", StringComparison.Ordinal))
        {
            return renderedName.Contains(sourceName, StringComparison.Ordinal);
        }

        var pattern = VariablePattern().Replace(Regex.Escape(sourceName), ".*");
        return Regex.IsMatch(renderedName, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static IEnumerable<YamlScalarNode> NameNodes(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    if (key is YamlScalarNode { Value: "name" } && value is YamlScalarNode scalar)
                    {
                        yield return scalar;
                    }

                    foreach (var inner in NameNodes(value))
                    {
                        yield return inner;
                    }
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var inner in sequence.SelectMany(NameNodes))
                {
                    yield return inner;
                }

                break;
        }
    }

    [GeneratedRegex(@"\\\$\\\{[^}]*}")]
    private static partial Regex VariablePattern();
}
