using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Rendering;

/// <summary>
/// Hashes everything one kustomize build can read into its <see cref="BuildCacheKey"/>: the kustomization Flux
/// writes, every kustomization it reaches through <c>resources</c>, <c>components</c> and the other fields that
/// name files, transitively, each of those folders' own files whole, the files and folders they name, the
/// tool and its flags. When unsure it hashes more (a folder without a kustomization is hashed whole, as is the
/// folder of a generator's or transformer's configuration); a field it does not know, a URL, a path outside the
/// source, a missing path or a Helm chart makes the build uncacheable.
/// </summary>
internal sealed class BuildInputHasher(ConcurrentDictionary<string, string> fileHashes)
{
    private const string Format = "gitops-kustomize-build/1";

    /// <summary>Fields that name no file: their text is in the kustomization already hashed.</summary>
    private static readonly HashSet<string> Inline = new(StringComparer.Ordinal)
    {
        "apiVersion",
        "kind",
        "metadata",
        "namespace",
        "namePrefix",
        "nameSuffix",
        "commonLabels",
        "labels",
        "commonAnnotations",
        "images",
        "replicas",
        "vars",
        "buildMetadata",
        "sortOptions",
        "generatorOptions",
    };

    /// <summary>Fields whose entries are files or folders.</summary>
    private static readonly HashSet<string> PathLists = new(StringComparer.Ordinal)
    {
        "resources",
        "bases",
        "components",
        "crds",
        "configurations",
    };

    private static readonly HashSet<string> Plugins = new(StringComparer.Ordinal)
    {
        "generators",
        "transformers",
        "validators",
    };

    /// <summary>The key of <paramref name="build"/> run by the tool named <paramref name="tool"/> (identity, version, flags).</summary>
    public BuildCacheKey Compute(KustomizationBuild build, string tool)
    {
        var walk = new Walk(build, fileHashes);
        if (walk.Run() is { } reason)
        {
            return BuildCacheKey.Not(reason);
        }

        var text = new StringBuilder()
            .Append(Format)
            .Append('\n')
            .Append(tool)
            .Append('\n')
            .Append(build.Directory)
            .Append('\n')
            .Append(build.FileName)
            .Append('\n');
        foreach (var (path, hash) in walk.Entries)
        {
            text.Append(path).Append('\0').Append(hash).Append('\n');
        }

        return BuildCacheKey.Of(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))));
    }

    private sealed class Walk(KustomizationBuild build, ConcurrentDictionary<string, string> fileHashes)
    {
        private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, string> _entries = new(StringComparer.Ordinal);
        private string? _refusal;

        public IReadOnlyDictionary<string, string> Entries => _entries;

        /// <summary>Walks from the built folder; returns why the build cannot be cached, or null.</summary>
        public string? Run()
        {
            try
            {
                Kustomization(build.Directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException)
            {
                Refuse($"its inputs cannot be read ({e.Message})");
            }

            return _refusal;
        }

        private void Refuse(string reason) => _refusal ??= reason;

        private void Kustomization(string relative)
        {
            if (_refusal is not null || !_visited.Add(relative))
            {
                return;
            }

            var full = build.Artifact.FullPath(relative);
            var top = relative == build.Directory;
            string? text = null;
            foreach (var file in Directory.EnumerateFiles(full))
            {
                var name = Path.GetFileName(file);
                if (top && name == build.FileName)
                {
                    continue;
                }

                File(Join(relative, name));
            }

            if (top)
            {
                _entries[Join(relative, build.FileName)] = "text:" + Hash(Encoding.UTF8.GetBytes(build.Content));
                text = build.Content;
            }
            else if (KustomizeFiles.Names.FirstOrDefault(n => System.IO.File.Exists(Path.Combine(full, n))) is { } name)
            {
                text = System.IO.File.ReadAllText(Path.Combine(full, name));
            }

            if (text is null)
            {
                Tree(relative);
                return;
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                return;
            }

            foreach (var (keyNode, value) in root.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                Field(relative, key, value);
            }
        }

        private void Field(string folder, string key, YamlNode value)
        {
            if (Inline.Contains(key))
            {
                return;
            }

            if (PathLists.Contains(key))
            {
                foreach (var item in Scalars(value, depth: 1))
                {
                    Reference(folder, item);
                }

                return;
            }

            if (Plugins.Contains(key))
            {
                foreach (var item in Scalars(value, depth: 1))
                {
                    Plugin(folder, item);
                }

                return;
            }

            switch (key)
            {
                case "patches" or "patchesJson6902" or "replacements":
                    foreach (var item in Items(value))
                    {
                        if (Child(item, "path") is { } path)
                        {
                            Reference(folder, path);
                        }
                    }

                    return;
                case "patchesStrategicMerge":
                    foreach (
                        var item in Scalars(value, depth: 1).Where(s => !s.Contains('\n', StringComparison.Ordinal))
                    )
                    {
                        Reference(folder, item);
                    }

                    return;
                case "configMapGenerator" or "secretGenerator":
                    foreach (var item in Items(value))
                    {
                        Generator(folder, item);
                    }

                    return;
                case "openapi":
                    if (Child(value, "path") is { } openapi)
                    {
                        Reference(folder, openapi);
                    }

                    return;
                case "helmCharts" or "helmChartInflationGenerator" or "helmGlobals":
                    Refuse($"{Display(folder)} inflates Helm charts, which kustomize may pull from the network");
                    return;
                default:
                    Refuse($"{Display(folder)} has the field '{key}', whose inputs are not known");
                    return;
            }
        }

        private void Generator(string folder, YamlNode item)
        {
            if (item is not YamlMappingNode mapping)
            {
                return;
            }

            foreach (var (keyNode, value) in mapping.Children)
            {
                switch ((keyNode as YamlScalarNode)?.Value)
                {
                    case "files":
                        foreach (var entry in Scalars(value, depth: 1))
                        {
                            var split = entry.IndexOf('=', StringComparison.Ordinal);
                            Reference(folder, split >= 0 ? entry[(split + 1)..] : entry);
                        }

                        break;
                    case "envs" or "env":
                        foreach (var entry in Scalars(value, depth: 1))
                        {
                            Reference(folder, entry);
                        }

                        break;
                }
            }
        }

        /// <summary>
        /// A generator, transformer or validator: a kustomization folder, or a configuration file whose fields may
        /// name files relative to the kustomization; every scalar in it that is a path is followed.
        /// </summary>
        private void Plugin(string folder, string entry)
        {
            if (entry.Contains('\n', StringComparison.Ordinal))
            {
                PluginConfiguration(folder, entry);
                return;
            }

            var full = Resolve(folder, entry);
            if (full is null)
            {
                return;
            }

            Reference(folder, entry);
            if (System.IO.File.Exists(full))
            {
                PluginConfiguration(folder, System.IO.File.ReadAllText(full));
                Tree(build.Artifact.RelativeOrNull(Path.GetDirectoryName(full)!)!);
            }
        }

        private void PluginConfiguration(string folder, string text)
        {
            if (text.Contains("://", StringComparison.Ordinal) || text.Contains("HelmChart", StringComparison.Ordinal))
            {
                Refuse($"{Display(folder)} runs a generator or transformer that may read the network");
                return;
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            foreach (var scalar in stream.Documents.SelectMany(d => Scalars(d.RootNode, depth: 64)))
            {
                if (
                    scalar.Length > 0
                    && !scalar.Contains('\n', StringComparison.Ordinal)
                    && Path.GetFullPath(Path.Combine(build.Artifact.FullPath(folder), scalar)) is var candidate
                    && build.Artifact.RelativeOrNull(candidate) is not null
                    && Path.Exists(candidate)
                )
                {
                    Reference(folder, scalar);
                }
            }
        }

        /// <summary>Full path of <paramref name="entry"/> named in <paramref name="folder"/>; null (and refused) when not a local path in the source.</summary>
        private string? Resolve(string folder, string entry)
        {
            if (entry.Contains("://", StringComparison.Ordinal) || entry.StartsWith("git@", StringComparison.Ordinal))
            {
                Refuse($"{Display(folder)} reads {entry} from the network");
                return null;
            }

            var full = Path.GetFullPath(Path.Combine(build.Artifact.FullPath(folder), entry));
            if (build.Artifact.RelativeOrNull(full) is null)
            {
                Refuse($"{Display(folder)} reads {entry}, outside its source");
                return null;
            }

            if (!Path.Exists(full))
            {
                Refuse($"{Display(folder)} names {entry}, which is no file here (kustomize may fetch it)");
                return null;
            }

            return full;
        }

        private void Reference(string folder, string entry)
        {
            if (_refusal is not null || Resolve(folder, entry) is not { } full)
            {
                return;
            }

            var relative = build.Artifact.RelativeOrNull(full)!;
            if (System.IO.File.Exists(full))
            {
                File(relative);
            }
            else if (KustomizeFiles.HasKustomization(full) || relative == build.Directory)
            {
                Kustomization(relative);
            }
            else
            {
                Tree(relative);
            }
        }

        /// <summary>Every file below a folder, whole (what is included without a kustomization to say what is read).</summary>
        private void Tree(string relative)
        {
            if (!_visited.Add("tree:" + relative))
            {
                return;
            }

            var full = build.Artifact.FullPath(relative);
            _entries[relative + "/"] = "tree";
            foreach (
                var file in Directory.EnumerateFiles(
                    full,
                    "*",
                    new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }
                )
            )
            {
                File(build.Artifact.RelativeOrNull(file)!);
            }
        }

        private void File(string relative)
        {
            var full = build.Artifact.FullPath(relative);
            _entries[relative] = fileHashes.GetOrAdd(full, f => Hash(System.IO.File.ReadAllBytes(f)));
        }

        private string Display(string folder) => build.Artifact.Display(folder.Length == 0 ? "." : folder);

        private static string Join(string folder, string name) => folder.Length == 0 ? name : $"{folder}/{name}";

        private static string? Child(YamlNode node, string key) =>
            node is YamlMappingNode mapping
            && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value)
            && value is YamlScalarNode { Value: { } text }
                ? text
                : null;

        private static IEnumerable<YamlNode> Items(YamlNode node) =>
            node is YamlSequenceNode sequence ? sequence.Children : [];

        private static IEnumerable<string> Scalars(YamlNode node, int depth) =>
            node switch
            {
                YamlScalarNode { Value: { } text } => [text],
                YamlSequenceNode sequence when depth > 0 => sequence.Children.SelectMany(c => Scalars(c, depth - 1)),
                YamlMappingNode mapping when depth > 1 => mapping.Children.Values.SelectMany(c =>
                    Scalars(c, depth - 1)
                ),
                _ => [],
            };

        private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
