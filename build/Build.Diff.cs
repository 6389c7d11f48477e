using GitOpsRunners.Diagnostics;
using GitOpsRunners.Engine;
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

    Target Diff =>
        _ =>
            _.Description("Print the per-object diff of every rendered cluster between --base and the working tree")
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
                    }
                    finally
                    {
                        Directory.Delete(baseTree, recursive: true);
                    }
                });

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
