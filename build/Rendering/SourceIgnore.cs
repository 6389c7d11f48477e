namespace GitOpsRunners.Rendering;

/// <summary>
/// What source-controller leaves out of an artifact (fluxcd/pkg <c>sourceignore</c> and
/// <c>artifact/storage.SourceIgnoreFilter</c>): the <c>.sourceignore</c> files of every folder (root first,
/// then sub-folders depth-first by name, each scoped to its folder) followed by a GitRepository's
/// <c>spec.ignore</c>; the last matching pattern decides. The VCS patterns always apply; Flux's default
/// patterns (images, archives, CI files, <c>.sops.yaml</c>) apply only when there are no other patterns.
/// </summary>
public sealed class SourceIgnore
{
    private const string ExcludeVcs = ".git/,.gitignore,.gitmodules,.gitattributes";
    private const string ExcludeExt = "*.jpg,*.jpeg,*.gif,*.png,*.wmv,*.flv,*.tar.gz,*.zip";
    private const string ExcludeCi =
        ".github/,.circleci/,.travis.yml,.gitlab-ci.yml,appveyor.yml,.drone.yml,cloudbuild.yaml,codeship-services.yml,codeship-steps.yml";
    private const string ExcludeExtra = "**/.goreleaser.yml,**/.sops.yaml,**/.flux.yaml";
    private const string FileName = ".sourceignore";

    private readonly IReadOnlyList<IgnorePattern> _patterns;

    private SourceIgnore(IReadOnlyList<IgnorePattern> patterns) => _patterns = patterns;

    /// <summary>
    /// The filter a GitRepository or OCIRepository artifact is archived with; <paramref name="files"/> are the
    /// source's files relative to <paramref name="root"/>, of which the <c>.sourceignore</c> ones are read.
    /// </summary>
    public static SourceIgnore ForSource(string root, IEnumerable<string> files, string? specIgnore)
    {
        var patterns = new List<IgnorePattern>();
        var ignoreFiles = files
            .Where(f => f == FileName || f.EndsWith("/" + FileName, StringComparison.Ordinal))
            .Select(f => f.Split('/')[..^1])
            .Where(d => !d.Contains(".git"))
            .Order(Comparer<string[]>.Create(CompareSegments));
        foreach (var domain in ignoreFiles)
        {
            var text = File.ReadAllText(Path.Combine([root, .. domain, FileName]));
            patterns.AddRange(ReadPatterns(text, domain));
        }

        if (specIgnore is not null)
        {
            patterns.AddRange(ReadPatterns(specIgnore, []));
        }

        return Filter(patterns);
    }

    /// <summary><c>SourceIgnoreFilter(nil, nil)</c>: what an ArtifactGenerator's staging folder is archived with.</summary>
    public static SourceIgnore Defaults { get; } = Filter([]);

    /// <summary>Whether the file or folder at <paramref name="relativePath"/> ('/'-separated) is left out.</summary>
    public bool IsIgnored(string relativePath, bool isDirectory)
    {
        var path = relativePath.Split('/');
        for (var i = _patterns.Count - 1; i >= 0; i--)
        {
            var result = _patterns[i].Match(path, isDirectory);
            if (result != IgnorePattern.Result.NoMatch)
            {
                return result == IgnorePattern.Result.Exclude;
            }
        }

        return false;
    }

    /// <summary>Patterns of a <c>.sourceignore</c> text: one per line, <c>#</c> comments and blank lines skipped.</summary>
    public static IEnumerable<IgnorePattern> ReadPatterns(string text, IReadOnlyList<string> domain) =>
        text.Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => !l.StartsWith('#') && l.Trim().Length > 0)
            .Select(l => IgnorePattern.Parse(l, domain));

    private static SourceIgnore Filter(List<IgnorePattern> patterns)
    {
        var vcs = Split(ExcludeVcs);
        return patterns.Count > 0
            ? new SourceIgnore([.. vcs, .. patterns])
            : new SourceIgnore([.. vcs, .. Split($"{ExcludeExt},{ExcludeCi},{ExcludeExtra}")]);
    }

    private static IEnumerable<IgnorePattern> Split(string list) =>
        list.Split(',').Select(p => IgnorePattern.Parse(p, [])).ToList();

    /// <summary>Pre-order by name, as <c>LoadIgnorePatterns</c> walks folders.</summary>
    private static int CompareSegments(string[] a, string[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var order = string.CompareOrdinal(a[i], b[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
