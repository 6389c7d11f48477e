using GitOpsRunners.Diagnostics;
using GitOpsRunners.Engine;
using GitOpsRunners.Git;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tools;
using GitOpsRunners.Validation.Diff;
using GitOpsRunners.Validation.Reports;
using Spectre.Console;

namespace GitOpsRunners;

sealed partial class Build
{
    [Parameter("Revision Diff compares against (default: the merge-base of HEAD with origin/main)")]
    string? Base { get; set; }

    [Parameter("Diff: post the diff as one pull request comment, updated in place on every push (needs GITHUB_TOKEN)")]
    bool Comment { get; set; }

    [Parameter(
        "Diff --comment: the pull request to comment on (default under Actions: from GITHUB_EVENT_PATH or GITHUB_REF)",
        Minimum = 1
    )]
    int PullRequest { get; set; }

    [Parameter(
        "Diff --comment: the Actions event payload that names the pull request (Actions sets GITHUB_EVENT_PATH)"
    )]
    string? GitHubEventPath { get; set; }

    [Parameter(
        "Diff --comment: the ref of the run, refs/pull/<number>/merge on pull requests (Actions sets GITHUB_REF)"
    )]
    string? GitHubRef { get; set; }

    Target Diff =>
        _ =>
            _.Description(
                    "Print the per-object diff of every rendered cluster between --base and the working tree (--comment: on the pull request)"
                )
                .Requires(() => GitHubToken)
                .When(() => Comment)
                .Executes(async ct =>
                {
                    if (Format is not (ReportFormat.Text or ReportFormat.Json or ReportFormat.Github))
                    {
                        throw new UsageException(
                            $"Diff writes text (a unified diff), json or github (the pull request markdown), not {Format.ToString().ToLowerInvariant()}: use one of those with --format."
                        );
                    }

                    var tree = Layout;
                    var (sha, description) = GitRevisionExport.Resolve(tree.Root, Base);
                    var baseTree = Path.Combine(TemporaryDirectory, "diff-base", sha[..12]);
                    if (Directory.Exists(baseTree))
                    {
                        Directory.Delete(baseTree, recursive: true);
                    }

                    try
                    {
                        GitRevisionExport.Export(tree.Root, sha, baseTree, ct);
                        using var renderer = CreateRenderer();
                        var before = Directory.Exists(Path.Combine(baseTree, tree.KubernetesFolder))
                            ? await RenderForDiffAsync(renderer, tree with { Root = baseTree }, ct)
                            : [];
                        var after = await RenderForDiffAsync(renderer, tree, ct);
                        var report = ClusterDiff.Compare(before, after);

                        Console.MarkupLine(
                            $"[grey]Comparing {Markup.Escape(description)} ({sha[..12]}) with the working tree[/]"
                        );
                        var markdown = report.ToMarkdown();
                        Host.AppendStepSummary(markdown);
                        if (Format == ReportFormat.Json)
                        {
                            await Sink.WriteAsync(report.ToJson(sha, description) + "\n", "json", ct);
                        }
                        else
                        {
                            await Sink.WriteFileAsync(
                                Format == ReportFormat.Text ? report.ToUnifiedDiff() : markdown,
                                ct
                            );
                        }

                        WriteToolOutput(report.ToUnifiedDiff().TrimEnd('\n'));
                        Console.MarkupLine(Markup.Escape(report.Summary));
                        AddNote(report.Summary);
                        if (Comment)
                        {
                            await CommentDiffAsync(report, $"`{description}` (`{sha[..12]}`)", ct);
                        }
                    }
                    finally
                    {
                        Directory.Delete(baseTree, recursive: true);
                    }
                });

    /// <summary>Posts the diff on the pull request, or updates the comment an earlier run posted there.</summary>
    async Task CommentDiffAsync(DiffReport report, string comparedWith, CancellationToken ct)
    {
        var number = PullRequestNumber.Resolve(PullRequest, GitHubEventPath, GitHubRef);
        Git.GitHubRepository repository;
        if (GitHubRepository is { } named)
        {
            repository = Git.GitHubRepository.Parse(named);
        }
        else
        {
            using var git = OpenGit();
            repository = git.OwnerAndRepository();
        }

        var comment = await new PullRequestComments(GitHub).UpsertAsync(
            repository,
            number,
            DiffComment.Marker,
            DiffComment.Render(report, comparedWith),
            createWhenMissing: !report.IsEmpty,
            ct
        );
        if (comment.Action == CommentAction.NotPosted)
        {
            Console.MarkupLine($"[grey]No rendered changes: nothing to comment on {repository}#{number}[/]");
            AddNote($"no comment on #{number}");
            return;
        }

        var done = comment.Action switch
        {
            CommentAction.Created => "posted",
            CommentAction.Updated => "updated",
            _ => "unchanged",
        };
        Console.MarkupLine(
            $"[grey]Diff comment {done} on {repository}#{number}: {Markup.Escape(comment.HtmlUrl ?? "")}[/]"
        );
        AddNote($"comment {done} on #{number}");
    }

    async Task<IReadOnlyList<RenderedCluster>> RenderForDiffAsync(
        FluxRenderer renderer,
        RepositoryLayout layout,
        CancellationToken ct
    )
    {
        var clusters = Cluster is { } one
            ? [await renderer.RenderAsync(layout, one, ct)]
            : await renderer.RenderAllAsync(layout, ct);
        foreach (
            var finding in clusters.SelectMany(c => c.Findings).Where(f => f.Severity == Diagnostics.Severity.Error)
        )
        {
            Console.MarkupLine(
                $"[yellow]{Markup.Escape(finding.ToString())}[/] [grey](rendering {Markup.Escape(layout.Root)})[/]"
            );
        }

        return clusters;
    }
}
