using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace GitOpsRunners.Rendering;

/// <summary>
/// Builds the content of an ExternalArtifact from ArtifactGenerator copy rules in a temporary folder,
/// once per distinct rule set, and remembers which repository file each copied file came from.
/// Rules run in order and later ones overwrite earlier ones; the literal folders before the first
/// wildcard of <c>from</c> are dropped, the rest of the path is kept under <c>to</c>.
/// </summary>
internal sealed class ArtifactAssembler(string temporaryRoot, ConcurrentDictionary<string, string> copiedFrom)
{
    private readonly ConcurrentDictionary<string, Lazy<string>> _trees = new(StringComparer.Ordinal);

    public string Assemble(IReadOnlyList<ArtifactCopy> copies)
    {
        var key = string.Join('\n', copies.Select(c => c.Key));
        return _trees.GetOrAdd(key, k => new Lazy<string>(() => Build(k, copies))).Value;
    }

    private string Build(string key, IReadOnlyList<ArtifactCopy> copies)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
        var root = Path.Combine(temporaryRoot, "artifacts", hash);
        Directory.CreateDirectory(root);
        foreach (var copy in copies)
        {
            foreach (var (source, destination) in Plan(copy))
            {
                var target = Path.GetFullPath(Path.Combine(root, destination));
                if (!target.StartsWith(root, StringComparison.Ordinal))
                {
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target, overwrite: true);
                copiedFrom[target] = source;
            }
        }

        return root;
    }

    private static IEnumerable<(string Source, string Destination)> Plan(ArtifactCopy copy)
    {
        var pattern = copy.Pattern.Trim('/');
        var single = Path.Combine(copy.SourceRoot, pattern);
        if (
            !GlobPattern.HasWildcard(pattern)
            && File.Exists(single)
            && Manifests.SymbolicLinks.LinkOnTheWay(copy.SourceRoot, single) is null
        )
        {
            yield return (
                single,
                copy.To.EndsWith('/') || copy.To.Length == 0 ? copy.To + Path.GetFileName(single) : copy.To
            );
            yield break;
        }

        if (!GlobPattern.HasWildcard(pattern))
        {
            pattern = pattern.Length == 0 ? "**" : pattern + "/**";
        }

        var literal = GlobPattern.LiteralPrefix(pattern);
        var start = Path.Combine(copy.SourceRoot, literal);
        if (!Directory.Exists(start))
        {
            yield break;
        }

        var match = GlobPattern.ToRegex(pattern);
        var excludes = copy.Exclude.Select(GlobPattern.ToRegex).ToList();
        var to = copy.To.Length == 0 || copy.To.EndsWith('/') ? copy.To : copy.To + "/";
        foreach (
            var file in Directory.EnumerateFiles(start, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
        )
        {
            if (Manifests.SymbolicLinks.LinkOnTheWay(copy.SourceRoot, file) is not null)
            {
                continue; // source artifacts hold no links, so ArtifactGenerator copies none
            }

            var relative = Path.GetRelativePath(copy.SourceRoot, file).Replace('\\', '/');
            if (relative.StartsWith(".git/", StringComparison.Ordinal) || !match.IsMatch(relative))
            {
                continue;
            }

            var belowLiteral = literal.Length == 0 ? relative : relative[(literal.Length + 1)..];
            if (excludes.Any(e => e.IsMatch(relative) || e.IsMatch(belowLiteral)))
            {
                continue;
            }

            yield return (file, to + belowLiteral);
        }
    }
}
