using System.Text.RegularExpressions;
using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests;

/// <summary>The workflows use one version of each action, keep major tags, and never run event text as commands.</summary>
public partial class WorkflowSafetySpecs
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, ".github", "workflows");

    private static IEnumerable<(string File, string Action, string Ref, string Comment)> Uses() =>
        Directory
            .EnumerateFiles(Folder, "*.yml")
            .SelectMany(file =>
                UsesLine()
                    .Matches(File.ReadAllText(file))
                    .Select(m =>
                        (
                            Path.GetFileName(file),
                            m.Groups["action"].Value,
                            m.Groups["ref"].Value,
                            m.Groups["comment"].Value.Trim()
                        )
                    )
            );

    [Fact]
    public void Every_action_is_used_at_one_version_in_every_workflow()
    {
        var versions = Uses()
            .GroupBy(u => u.Action)
            .Where(g => g.Select(u => u.Comment.Length > 0 ? u.Comment : u.Ref).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(u => $"{u.File} {u.Ref} {u.Comment}"))}");

        versions.Should().BeEmpty("an action at two versions is two actions to keep up to date");
        Uses().Should().Contain(u => u.Action == "actions/create-github-app-token");
    }

    [Fact]
    public void Every_action_keeps_its_major_tag_or_a_digest_that_names_it()
    {
        Uses()
            .Should()
            .OnlyContain(
                u => MajorTag().IsMatch(u.Ref) || (Digest().IsMatch(u.Ref) && MajorComment().IsMatch(u.Comment)),
                "Renovate pins digests as '<sha> # vN' and keeps the major tag readable"
            );
    }

    [Fact]
    public void Promote_never_puts_event_text_in_a_run_script_and_prints_it_with_workflow_commands_stopped()
    {
        var text = File.ReadAllText(Path.Combine(Folder, "promote.yml"));
        var scripts = RunScript().Matches(text).Select(m => m.Value).ToList();

        scripts.Should().NotContain(s => s.Contains("${{", StringComparison.Ordinal) && s.Contains("client_payload"));
        var printing = scripts.Where(s => s.Contains("PROMOTE_REASON", StringComparison.Ordinal)).ToList();
        printing.Should().NotBeEmpty();
        printing.Should().OnlyContain(s => s.Contains("::stop-commands::", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"uses:\s*(?<action>[\w.-]+/[\w./-]+)@(?<ref>[\w.-]+)(?<comment>[ \t]*#[^\n]*)?")]
    private static partial Regex UsesLine();

    [GeneratedRegex(@"^v\d+$")]
    private static partial Regex MajorTag();

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex Digest();

    [GeneratedRegex(@"^#\s*v\d+(\.\d+)*$")]
    private static partial Regex MajorComment();

    [GeneratedRegex(@"run: [|>]?[^\n]*(\n {10,}[^\n]*)*")]
    private static partial Regex RunScript();
}
