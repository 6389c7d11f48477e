using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Manifests;

/// <summary>
/// Reads every <c>*.yaml</c>/<c>*.yml</c> under a folder (dot-folders and Helm chart folders skipped)
/// in parallel. Kustomize files and documents without apiVersion/kind (Helm values, tool settings)
/// are recognised and left out quietly; everything else wrong is a finding, never an exception.
/// </summary>
public sealed class RepositoryScanner
{
    /// <summary>
    /// Scans <paramref name="directory"/>; locations are relative to <paramref name="repositoryRoot"/>.
    /// <paramref name="inspectText"/>, when given, also sees each file's text (read once) and may add findings.
    /// </summary>
    public async Task<RepositoryScan> ScanAsync(
        string repositoryRoot,
        string directory,
        CancellationToken ct,
        Func<string, string, IEnumerable<Finding>>? inspectText = null
    )
    {
        var links = new List<string>();
        var files = YamlFiles(directory, links).Order(StringComparer.Ordinal).ToArray();
        var results = new (ManifestParseResult Parsed, IReadOnlyList<Finding> Syntax)[files.Length];
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Environment.ProcessorCount,
            CancellationToken = ct,
        };
        await Parallel
            .ForAsync(
                0,
                files.Length,
                options,
                (i, _) =>
                {
                    results[i] = ScanFile(repositoryRoot, files[i], inspectText);
                    return ValueTask.CompletedTask;
                }
            )
            .ConfigureAwait(false);

        var manifests = results.SelectMany(r => r.Parsed.Manifests).ToList();
        var findings = results
            .SelectMany(r => r.Syntax.Concat(r.Parsed.Findings))
            .Concat(links.Order(StringComparer.Ordinal).Select(l => SymbolicLinks.Finding(repositoryRoot, l)))
            .ToList();
        return new RepositoryScan(manifests, findings, files.Select(f => Relative(repositoryRoot, f)).ToList());
    }

    /// <summary>Scans the whole repository.</summary>
    public Task<RepositoryScan> ScanAsync(string repositoryRoot, CancellationToken ct) =>
        ScanAsync(repositoryRoot, repositoryRoot, ct);

    internal static string Relative(string root, string fullPath) =>
        Path.GetRelativePath(root, fullPath).Replace('\\', '/');

    private static (ManifestParseResult, IReadOnlyList<Finding>) ScanFile(
        string root,
        string file,
        Func<string, string, IEnumerable<Finding>>? inspectText
    )
    {
        var relative = Relative(root, file);
        try
        {
            if (inspectText is null)
            {
                var loaded = YamlFileLoader.Load(file, relative);
                return (ManifestParser.Parse(loaded), loaded.Findings);
            }

            var text = File.ReadAllText(file);
            var parsed = YamlFileLoader.Parse(text, relative);
            return (ManifestParser.Parse(parsed), [.. parsed.Findings, .. inspectText(relative, text)]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (new ManifestParseResult([], []), [YamlFileLoader.Unreadable(relative, e)]);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (
                new ManifestParseResult([], []),
                [
                    new Finding(
                        ManifestRules.YamlSyntax,
                        $"cannot read this file as YAML: {e.Message}",
                        new SourceLocation(relative, 1)
                    ),
                ]
            );
        }
    }

    /// <summary>YAML files below <paramref name="directory"/>; symbolic links are never followed, only collected in <paramref name="links"/>.</summary>
    private static IEnumerable<string> YamlFiles(string directory, List<string> links)
    {
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.TryPop(out var current))
        {
            if (File.Exists(Path.Combine(current, "Chart.yaml")))
            {
                continue;
            }

            string[] entries;
            try
            {
                entries = Directory.GetFileSystemEntries(current);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                var name = Path.GetFileName(entry);
                if (SymbolicLinks.IsLink(entry))
                {
                    if (!name.StartsWith('.'))
                    {
                        links.Add(entry);
                    }

                    continue;
                }

                if (Directory.Exists(entry))
                {
                    if (!name.StartsWith('.'))
                    {
                        pending.Push(entry);
                    }
                }
                else if (
                    name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
                    || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
                )
                {
                    yield return entry;
                }
            }
        }
    }
}
