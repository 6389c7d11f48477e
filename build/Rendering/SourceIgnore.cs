using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace GitOpsRunners.Rendering;

/// <summary>
/// A small subset of Flux's source ignore rules: the source-controller defaults plus <c>.sourceignore</c>
/// files (gitignore syntax: <c>#</c> comments, <c>!</c> negation, trailing <c>/</c> for folders,
/// a leading or inner <c>/</c> anchors to the file's folder) in the repository root and every folder on the way.
/// </summary>
public sealed class SourceIgnore(string repositoryRoot)
{
    private static readonly string[] Defaults =
    [
        ".git/",
        ".gitignore",
        ".gitmodules",
        ".gitattributes",
        "*.jpg",
        "*.jpeg",
        "*.gif",
        "*.png",
        "*.wmv",
        "*.flv",
        "*.tar.gz",
        "*.zip",
        ".github/",
        ".circleci/",
        ".travis.yml",
        ".gitlab-ci.yml",
        "appveyor.yml",
        ".drone.yml",
        "cloudbuild.yaml",
        "codeship-services.yml",
        "codeship-steps.yml",
        "**/.goreleaser.yml",
        "**/.sops.yaml",
        "**/.flux.yaml",
    ];

    private readonly string _root = Path.GetFullPath(repositoryRoot);
    private readonly ConcurrentDictionary<string, IReadOnlyList<Rule>> _rulesByFolder = new(StringComparer.Ordinal);

    /// <summary>Whether Flux would leave <paramref name="fullPath"/> out of the source artifact.</summary>
    public bool IsIgnored(string fullPath, bool isDirectory)
    {
        var relative = Path.GetRelativePath(_root, Path.GetFullPath(fullPath)).Replace('\\', '/');
        if (relative.StartsWith("../", StringComparison.Ordinal) || relative == "..")
        {
            return false;
        }

        var ignored = false;
        foreach (var (folder, rules) in FoldersOnTheWay(relative))
        {
            var below = folder.Length == 0 ? relative : relative[(folder.Length + 1)..];
            foreach (var rule in rules)
            {
                if ((!rule.DirectoryOnly || isDirectory) && rule.Matches(below))
                {
                    ignored = !rule.Negated;
                }
            }
        }

        return ignored;
    }

    private IEnumerable<(string Folder, IReadOnlyList<Rule> Rules)> FoldersOnTheWay(string relative)
    {
        yield return ("", Defaults.Select(Rule.Parse).OfType<Rule>().ToList());
        var segments = relative.Split('/');
        for (var depth = 0; depth < segments.Length; depth++)
        {
            var folder = string.Join('/', segments[..depth]);
            yield return (folder, _rulesByFolder.GetOrAdd(folder, Load));
        }
    }

    private IReadOnlyList<Rule> Load(string folder)
    {
        var file = Path.Combine(_root, folder, ".sourceignore");
        return File.Exists(file) ? File.ReadAllLines(file).Select(Rule.Parse).OfType<Rule>().ToList() : [];
    }

    private sealed record Rule(Regex Pattern, bool Negated, bool DirectoryOnly)
    {
        public bool Matches(string path) => Pattern.IsMatch(path);

        public static Rule? Parse(string line)
        {
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                return null;
            }

            var negated = text.StartsWith('!');
            text = negated ? text[1..] : text;
            var directoryOnly = text.EndsWith('/');
            text = text.TrimEnd('/');
            var anchored = text.Contains('/', StringComparison.Ordinal);
            text = text.TrimStart('/');
            var glob = anchored ? text : "**/" + text;
            return new Rule(GlobPattern.ToRegex(glob), negated, directoryOnly);
        }
    }
}
