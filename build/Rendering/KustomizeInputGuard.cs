using System.Collections.Concurrent;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Rendering;

/// <summary>
/// Looks, before kustomize runs, at the files one build would read: the kustomization files reachable from its
/// resources (their <c>resources</c>, <c>components</c>, patches, generator files…) and every YAML file of folders
/// without one. A symbolic link or a path outside the repository on the way fails the build as it fails in Flux
/// (the source artifact has no links), and a file whose YAML aliases expand past the bound is refused, so
/// kustomize never follows a link out of the repository nor expands an alias bomb.
/// </summary>
public sealed class KustomizeInputGuard(Func<string, string> displayPath)
{
    private static readonly string[] ListFields =
    [
        "resources",
        "components",
        "bases",
        "crds",
        "configurations",
        "generators",
        "transformers",
        "validators",
        "patchesStrategicMerge",
    ];

    private readonly ConcurrentDictionary<string, Finding?> _aliasChecks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Finding?>> _checks = new(StringComparer.Ordinal);

    /// <summary>
    /// The first reason not to build <paramref name="inputs"/> of the source at <paramref name="sourceRoot"/>, or null.
    /// The same inputs (a folder every cluster renders) are walked once per guard, since files do not change during a run.
    /// </summary>
    public Finding? Check(string sourceRoot, IEnumerable<string> inputs)
    {
        var list = inputs.ToList();
        var key = string.Join('\n', [sourceRoot, .. list]);
        return _checks.GetOrAdd(key, _ => new Lazy<Finding?>(() => Walk(sourceRoot, list))).Value;
    }

    private Finding? Walk(string sourceRoot, IEnumerable<string> inputs)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(sourceRoot));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(string Path, string From)>(inputs.Select(i => (Path.GetFullPath(i), "")));
        while (pending.TryPop(out var item) && seen.Count < 10_000)
        {
            var (path, from) = item;
            if (!seen.Add(path))
            {
                continue;
            }

            if (!Inside(root, path))
            {
                return OutsideFinding(path, from);
            }

            if (SymbolicLinks.LinkOnTheWay(root, path) is { } link)
            {
                return LinkFinding(root, link, from);
            }

            if (File.Exists(path))
            {
                if (Alias(path) is { } bomb)
                {
                    return bomb;
                }

                continue;
            }

            if (!Directory.Exists(path))
            {
                continue;
            }

            var kustomization = KustomizeFiles.Names.Select(n => Path.Combine(path, n)).FirstOrDefault(File.Exists);
            if (kustomization is null)
            {
                foreach (var file in YamlBelow(path))
                {
                    pending.Push((file, ""));
                }

                continue;
            }

            if (Alias(kustomization) is { } kustomizationBomb)
            {
                return kustomizationBomb;
            }

            foreach (var reference in References(kustomization))
            {
                pending.Push((Path.GetFullPath(Path.Combine(path, reference)), kustomization));
            }
        }

        return null;
    }

    private static bool Inside(string root, string path) =>
        path == root || path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private Finding LinkFinding(string root, string link, string from)
    {
        var relative = displayPath(link);
        var via = from.Length == 0 ? "" : $" (read by {displayPath(from)})";
        return new Finding(
            Severity.Error,
            ManifestRules.Symlink.Id,
            $"'{relative}'{via} is a symbolic link to '{SymbolicLinks.Target(link)}'{(SymbolicLinks.PointsOutside(root, link) ? " outside the repository" : "")}; Flux's source-controller leaves links out of the artifact, so this build fails in the cluster with 'no such file or directory' and is not run here. Replace the link with the file or folder itself",
            new SourceLocation(relative, 1)
        );
    }

    private Finding OutsideFinding(string path, string from) =>
        new(
            RenderRules.KustomizeBuild,
            $"{(from.Length == 0 ? "an input" : displayPath(from))} reads '{path}', outside the source; the source artifact holds only the source's own files, so this build fails in the cluster and is not run here. Keep every path inside the repository",
            new SourceLocation(from.Length == 0 ? path : displayPath(from), 1)
        );

    private Finding? Alias(string file) =>
        _aliasChecks.GetOrAdd(
            file,
            f =>
            {
                try
                {
                    return YamlAliasBudget.Check(File.ReadAllText(f), displayPath(f));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return null;
                }
            }
        );

    /// <summary>YAML files below a folder kustomize-controller generates a kustomization for; links are not entered.</summary>
    private static IEnumerable<string> YamlBelow(string directory)
    {
        var pending = new Stack<string>([directory]);
        while (pending.TryPop(out var current))
        {
            foreach (var entry in Directory.GetFileSystemEntries(current).Order(StringComparer.Ordinal))
            {
                if (SymbolicLinks.IsLink(entry))
                {
                    continue;
                }

                if (Directory.Exists(entry))
                {
                    pending.Push(entry);
                }
                else if (
                    entry.EndsWith(".yaml", StringComparison.Ordinal)
                    || entry.EndsWith(".yml", StringComparison.Ordinal)
                )
                {
                    yield return entry;
                }
            }
        }
    }

    /// <summary>Local paths a kustomization file names (remote URLs left out).</summary>
    private static IEnumerable<string> References(string kustomizationFile)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(kustomizationFile)));
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        if (stream.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode root)
        {
            yield break;
        }

        var paths = new List<string>();
        foreach (var field in ListFields)
        {
            paths.AddRange(Scalars(root, field));
        }

        foreach (var patches in new[] { "patches", "patchesJson6902" })
        {
            if (Child(root, patches) is YamlSequenceNode list)
            {
                paths.AddRange(list.OfType<YamlMappingNode>().SelectMany(p => Scalars(p, "path")));
            }
        }

        foreach (var generators in new[] { "configMapGenerator", "secretGenerator" })
        {
            if (Child(root, generators) is YamlSequenceNode list)
            {
                foreach (var generator in list.OfType<YamlMappingNode>())
                {
                    paths.AddRange(
                        Scalars(generator, "files").Select(f => f[(f.IndexOf('=', StringComparison.Ordinal) + 1)..])
                    );
                    paths.AddRange(Scalars(generator, "envs"));
                    paths.AddRange(Scalars(generator, "env"));
                }
            }
        }

        foreach (var path in paths.Where(p => !IsRemote(p)))
        {
            yield return path;
        }
    }

    private static bool IsRemote(string reference) =>
        reference.Contains("://", StringComparison.Ordinal)
        || reference.StartsWith("github.com/", StringComparison.Ordinal)
        || reference.StartsWith("git@", StringComparison.Ordinal);

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static IEnumerable<string> Scalars(YamlMappingNode map, string key) =>
        Child(map, key) switch
        {
            YamlScalarNode { Value: { Length: > 0 } one } => [one],
            YamlSequenceNode many => many.OfType<YamlScalarNode>().Select(s => s.Value).OfType<string>(),
            _ => [],
        };
}
