using System.Text.RegularExpressions;
using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Validation.Schemas;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Tests;

/// <summary>The repository's GitHub Actions workflows are valid and call targets that exist.</summary>
public partial class WorkflowSpecs
{
    public static TheoryData<string> Workflows() => Select(_ => true);

    public static TheoryData<string> BuildWorkflows() =>
        Select(text => text.Contains("./build.sh", StringComparison.Ordinal));

    private static TheoryData<string> Select(Func<string, bool> keep)
    {
        var data = new TheoryData<string>();
        foreach (
            var file in Directory
                .EnumerateFiles(Path.Combine(RepositoryRoot.Path, ".github", "workflows"), "*.yml")
                .Order(StringComparer.Ordinal)
        )
        {
            if (keep(File.ReadAllText(file)))
            {
                data.Add(Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BuildWorkflows))]
    public void Every_build_sh_call_names_targets_that_exist(string workflow)
    {
        var targets = TargetDiscovery.Discover(new Build()).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, ".github", "workflows", workflow));

        // Target names are the leading capitalised words; calls built from shell arrays name theirs elsewhere.
        var invoked = BuildCall()
            .Matches(text)
            .SelectMany(m =>
                m.Groups["args"]
                    .Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .TakeWhile(a => !a.StartsWith('-'))
            )
            .Where(a => TargetName().IsMatch(a))
            .ToList();

        invoked.Should().NotBeEmpty($"{workflow} runs the build");
        invoked.Should().OnlyContain(name => targets.Contains(name), $"targets are {string.Join(", ", targets)}");
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public async Task Every_workflow_matches_the_github_workflow_schema(string workflow)
    {
        if (SharedData.SchemasRoot is not { } schemas)
        {
            return;
        }

        var schema = await JsonSchemaCompiler.CompileAsync(
            await File.ReadAllTextAsync(Path.Combine(schemas, "github", "github-workflow.json")),
            "github-workflow.json",
            CancellationToken.None
        );
        var stream = new YamlStream();
        stream.Load(
            new StringReader(
                await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, ".github", "workflows", workflow))
            )
        );

        var errors = schema.Validate(YamlJsonConverter.Convert(stream.Documents[0].RootNode));

        errors.Should().BeEmpty(string.Join('\n', errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [GeneratedRegex("^[A-Z][A-Za-z]+$")]
    private static partial Regex TargetName();

    [GeneratedRegex(@"\./build\.(?:sh|cmd) (?<args>[^\n\\|&;]+)")]
    private static partial Regex BuildCall();
}
