using System.Text.RegularExpressions;
using GitOpsRunners.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Manifests;

/// <summary>
/// Reads multi-document YAML into mapping documents with 1-based source locations. Syntax errors,
/// duplicate keys and documents that are not mappings become findings; empty and comment-only
/// documents are skipped.
/// </summary>
public static partial class YamlFileLoader
{
    /// <summary>Reads <paramref name="fullPath"/>; locations use <paramref name="relativeFile"/>.</summary>
    public static YamlLoadResult Load(string fullPath, string relativeFile)
    {
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new YamlLoadResult(relativeFile, [], [Unreadable(relativeFile, e)]);
        }

        return Parse(text, relativeFile);
    }

    /// <summary>Parses YAML text; locations use <paramref name="relativeFile"/>.</summary>
    public static YamlLoadResult Parse(string text, string relativeFile)
    {
        if (YamlAliasBudget.Check(text, relativeFile) is { } bomb)
        {
            return new YamlLoadResult(relativeFile, [], [bomb]);
        }

        var findings = new List<Finding>();
        var documents = new List<LoadedDocument>();
        var filter = new DuplicateKeyFilter(new Parser(new StringReader(text)));
        var stream = new YamlStream();
        try
        {
            stream.Load(filter);
        }
        catch (YamlException e)
        {
            var location = SyntaxLocation(text, relativeFile, e);
            findings.Add(new Finding(ManifestRules.YamlSyntax, Readable(e.Message), location));
            return new YamlLoadResult(relativeFile, [], findings);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            var at = new SourceLocation(
                relativeFile,
                Math.Max(1, (int)filter.LastGood.Line),
                Math.Max(1, (int)filter.LastGood.Column)
            );
            findings.Add(
                new Finding(
                    ManifestRules.YamlSyntax,
                    "invalid YAML after this point: the parser could not continue. Check unclosed brackets or quotes and the indentation.",
                    at
                )
            );
            return new YamlLoadResult(relativeFile, [], findings);
        }

        foreach (var (key, start) in filter.Duplicates)
        {
            findings.Add(
                new Finding(
                    ManifestRules.YamlDuplicateKey,
                    $"duplicate key '{key}' in the same mapping; Kubernetes rejects it (or silently keeps one value). Remove or rename one of them.",
                    new SourceLocation(relativeFile, (int)start.Line, (int)start.Column)
                )
            );
        }

        for (var index = 0; index < stream.Documents.Count; index++)
        {
            var root = stream.Documents[index].RootNode;
            switch (root)
            {
                case YamlMappingNode map:
                    documents.Add(
                        new LoadedDocument(
                            map,
                            new SourceLocation(relativeFile, (int)map.Start.Line, (int)map.Start.Column),
                            index
                        )
                    );
                    break;
                case YamlScalarNode scalar when scalar.IsNull() && scalar.Tag.IsEmpty:
                    break;
                default:
                    findings.Add(
                        new Finding(
                            ManifestRules.YamlNotAMapping,
                            $"document {index + 1} is a {Describe(root)}, not a mapping; a Kubernetes object starts with 'apiVersion:' and 'kind:' keys.",
                            new SourceLocation(relativeFile, (int)root.Start.Line, (int)root.Start.Column)
                        )
                    );
                    break;
            }
        }

        return new YamlLoadResult(relativeFile, documents, findings);
    }

    /// <summary>Like <see cref="Parse"/> but throws <see cref="YamlSyntaxException"/> on the first error.</summary>
    public static IReadOnlyList<LoadedDocument> ParseOrThrow(string text, string relativeFile)
    {
        var result = Parse(text, relativeFile);
        var error = result.Findings.FirstOrDefault(f => f.Severity == Severity.Error);
        return error is null ? result.Documents : throw new YamlSyntaxException(error.Location!, error.Message);
    }

    private static string Describe(YamlNode node) =>
        node switch
        {
            YamlSequenceNode => "list",
            YamlScalarNode => "plain value",
            _ => "alias",
        };

    private static SourceLocation SyntaxLocation(string text, string file, YamlException e)
    {
        var line = Math.Max(1, (int)e.Start.Line);
        var column = Math.Max(1, (int)e.Start.Column);
        if (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstTabIndentation(text, line) is { } tab)
        {
            return new SourceLocation(file, tab.Line, tab.Column);
        }

        return new SourceLocation(file, line, column);
    }

    private static (int Line, int Column)? FirstTabIndentation(string text, int fromLine)
    {
        var lines = text.Split('\n');
        for (var i = Math.Max(0, fromLine - 1); i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent)
            {
                return (i + 1, tab + 1);
            }
        }

        return null;
    }

    private static string Readable(string message)
    {
        var m = message.Trim();
        if (m.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            return "a tab is used for indentation; YAML allows only spaces. Replace the tab with spaces.";
        }

        if (
            m.Contains("found invalid mapping", StringComparison.Ordinal)
            || m.Contains("mapping values are not allowed", StringComparison.Ordinal)
        )
        {
            return "unexpected 'key: value' here; check the indentation of this line, or quote the value if it contains ': '.";
        }

        if (
            m.Contains("did not find expected key", StringComparison.Ordinal)
            || m.Contains("did not find expected '-'", StringComparison.Ordinal)
        )
        {
            return "bad indentation: this line does not line up with the keys or list items above it.";
        }

        m = WhilePrefix().Replace(m, "");
        return $"invalid YAML: {m}";
    }

    [GeneratedRegex("^While (scanning|parsing) [^,]*, ")]
    private static partial Regex WhilePrefix();

    /// <summary>The finding for a file that could not be read at all.</summary>
    internal static Finding Unreadable(string relativeFile, Exception e) =>
        new(ManifestRules.FileUnreadable, $"cannot read the file: {e.Message}", new SourceLocation(relativeFile, 1));
}
