using System.Text.RegularExpressions;
using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests;

/// <summary>
/// Dependencies in build/ point one way (ARCHITECTURE.md): Engine and Diagnostics at the bottom, then Manifests and
/// Tools, then Rendering, then Validation, Versions, Smoke and Git, then Promotion, then the targets. A folder may
/// use its own layer's folders only through the edges listed here.
/// </summary>
public partial class DependencyDirectionSpecs
{
    private const string Targets = "(targets)";

    /// <summary>Each top folder of build/ (the Build*.cs partials are the targets) and its layer, lowest first.</summary>
    private static readonly Dictionary<string, int> Layers = new(StringComparer.Ordinal)
    {
        ["Engine"] = 0,
        ["Diagnostics"] = 0,
        ["Manifests"] = 1,
        ["Tools"] = 1,
        ["Rendering"] = 2,
        ["Git"] = 3,
        ["Validation"] = 3,
        ["Versions"] = 3,
        ["Smoke"] = 3,
        ["Charts"] = 3,
        ["Promotion"] = 4,
        ["Benchmarks"] = 5,
        [Targets] = 5,
    };

    /// <summary>
    /// Edges between folders of one layer. Diagnostics is the vocabulary the engine reports findings in. Git (LibGit2Sharp, Octokit) serves its siblings: Validate looks up
    /// runner releases, Bump opens pull requests, Smoke dispatches a workflow. Bump validates and diffs the tree it
    /// edits, as Promote does. Charts fetches charts with Versions' registry clients and gives Validation schemas
    /// through Validation's own interface (IClusterSchemaSource). The targets may use Benchmarks.
    /// </summary>
    private static readonly HashSet<(string From, string To)> SiblingEdges =
    [
        ("Engine", "Diagnostics"),
        ("Validation", "Git"),
        ("Versions", "Git"),
        ("Smoke", "Git"),
        ("Versions", "Validation"),
        ("Charts", "Versions"),
        ("Charts", "Validation"),
        (Targets, "Benchmarks"),
    ];

    [Fact]
    public void Every_top_folder_of_the_build_project_has_a_layer() =>
        Directory
            .GetDirectories(BuildFolder)
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj"))
            .Should()
            .BeSubsetOf(Layers.Keys, "a new folder needs its place in the dependency order");

    [Fact]
    public void No_folder_uses_a_folder_above_it_or_a_sibling_it_is_not_allowed_to()
    {
        var violations = References()
            .Where(r => r.From != r.To && !Allowed(r.From, r.To))
            .Select(r => $"{r.File}:{r.Line}: {r.From} uses {r.To} ({r.Text})")
            .ToList();

        string.Join('\n', violations).Should().BeEmpty("dependencies point one way (see ARCHITECTURE.md)");
    }

    [Fact]
    public void The_check_sees_using_directives_and_fully_qualified_names()
    {
        var found = ReferencesIn(
                "Manifests/Sample.cs",
                "using GitOpsRunners.Validation.Rules;\nvar x = new GitOpsRunners.Promotion.PromotionRoute(a, b);\n"
            )
            .Select(r => $"{r.Line} {r.To}")
            .ToList();

        found.Should().Equal("1 Validation", "2 Promotion");
        Allowed("Manifests", "Validation").Should().BeFalse();
        Allowed("Promotion", "Validation").Should().BeTrue();
        Allowed("Validation", "Smoke").Should().BeFalse();
    }

    private static bool Allowed(string from, string to) =>
        Layers[from] > Layers[to] || (Layers[from] == Layers[to] && SiblingEdges.Contains((from, to)));

    private static string BuildFolder => Path.Combine(RepositoryRoot.Path, "build");

    private static IEnumerable<Reference> References() =>
        Directory
            .EnumerateFiles(BuildFolder, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(BuildFolder, path).Replace('\\', '/'))
            .Where(file =>
                !file.StartsWith("obj/", StringComparison.Ordinal) && !file.StartsWith("bin/", StringComparison.Ordinal)
            )
            .SelectMany(file => ReferencesIn(file, File.ReadAllText(Path.Combine(BuildFolder, file))));

    private static IEnumerable<Reference> ReferencesIn(string file, string text)
    {
        var from = file.Contains('/', StringComparison.Ordinal)
            ? file[..file.IndexOf('/', StringComparison.Ordinal)]
            : Targets;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("namespace ", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match match in NamespaceReference().Matches(lines[i]))
            {
                var to = match.Groups["folder"].Value;
                if (Layers.ContainsKey(to))
                {
                    yield return new Reference(from, to, $"build/{file}", i + 1, match.Value.Trim());
                }
            }
        }
    }

    private sealed record Reference(string From, string To, string File, int Line, string Text);

    [GeneratedRegex(@"\bGitOpsRunners\.(?<folder>\w+)\b")]
    private static partial Regex NamespaceReference();
}
