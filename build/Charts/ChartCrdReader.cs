using System.Text.RegularExpressions;
using GitOpsRunners.Manifests;
using GitOpsRunners.Validation.Schemas;

namespace GitOpsRunners.Charts;

/// <summary>
/// Reads the CustomResourceDefinitions of a chart as Helm would install them: every document of the files in its
/// <c>crds/</c> folder (<c>.yaml</c>, <c>.yml</c>, <c>.json</c>; never templated), and the CRD documents of its
/// <c>templates/</c> that are plain YAML once lines holding only an <c>if</c>, <c>with</c> or <c>end</c> action (or a
/// comment) are dropped, i.e. assuming the wrapper's condition holds. A CRD document that still holds a template
/// action is not guessed at: it is returned as unreadable. Subcharts (<c>charts/</c>) are not read. Pure.
/// </summary>
public static partial class ChartCrdReader
{
    public static ChartCrds Read(ChartArchive archive, string display)
    {
        var crds = new List<Manifest>();
        var unreadable = new List<(string, string)>();
        foreach (var (path, text) in archive.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (!IsManifestFile(path))
            {
                continue;
            }

            if (path.StartsWith("crds/", StringComparison.Ordinal))
            {
                crds.AddRange(Parse(text, $"{display}/{path}"));
            }
            else if (
                path.StartsWith("templates/", StringComparison.Ordinal)
                && text.Contains("CustomResourceDefinition", StringComparison.Ordinal)
            )
            {
                var plain = string.Join('\n', text.Split('\n').Where(line => !WrapperLine().IsMatch(line)));
                foreach (var document in DocumentSeparator().Split(plain))
                {
                    if (!CrdKind().IsMatch(document))
                    {
                        continue;
                    }

                    if (TemplateAction().Match(document) is { Success: true } action)
                    {
                        unreadable.Add((path, action.Value.Trim()));
                        continue;
                    }

                    crds.AddRange(Parse(document, $"{display}/{path}"));
                }
            }
        }

        return new ChartCrds(crds, unreadable.Distinct().ToList());
    }

    private static bool IsManifestFile(string path) =>
        path.EndsWith(".yaml", StringComparison.Ordinal)
        || path.EndsWith(".yml", StringComparison.Ordinal)
        || path.EndsWith(".json", StringComparison.Ordinal);

    private static IEnumerable<Manifest> Parse(string text, string file)
    {
        var loaded = YamlFileLoader.Parse(text, file);
        return loaded.Documents.SelectMany(d => ManifestParser.Parse(d).Manifests).Where(CrdSchemaConverter.IsCrd);
    }

    /// <summary>A line that is only <c>{{- if … }}</c>, <c>{{ with … }}</c>, <c>{{- end }}</c> or a <c>{{/* comment */}}</c>.</summary>
    [GeneratedRegex(@"^\s*\{\{-?\s*(?:(?:if|with)\s[^{}]*|end|/\*.*?\*/)\s*-?\}\}\s*$")]
    private static partial Regex WrapperLine();

    [GeneratedRegex(@"^---[^\n]*$", RegexOptions.Multiline)]
    private static partial Regex DocumentSeparator();

    [GeneratedRegex(@"^kind:\s*[""']?CustomResourceDefinition[""']?\s*$", RegexOptions.Multiline)]
    private static partial Regex CrdKind();

    [GeneratedRegex(@"\{\{[^\n]{0,80}")]
    private static partial Regex TemplateAction();
}
