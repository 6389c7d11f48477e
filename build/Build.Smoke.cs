using GitOpsRunners.Engine;
using GitOpsRunners.Git;
using GitOpsRunners.Rendering;
using GitOpsRunners.Smoke;
using GitOpsRunners.Tools;
using Spectre.Console;

namespace GitOpsRunners;

sealed partial class Build
{
    [Parameter("Kubeconfig file for Smoke (default: KUBECONFIG, else ~/.kube/config, else in-cluster)")]
    string? Kubeconfig { get; set; }

    [Parameter("Kubeconfig context for Smoke (default: the current context)")]
    string? Context { get; set; }

    [Parameter("Commit the cluster must have applied (default: the local HEAD)")]
    string? Revision { get; set; }

    [Parameter("How long Smoke waits for every check to pass, e.g. 90s, 10m")]
    string Timeout { get; set; } = "10m";

    [Parameter("Write the Smoke results as JUnit XML to this file")]
    string? Junit { get; set; }

    Target Smoke => _ => _
        .Description("Ask the live cluster whether Flux applied this commit and ESO and the runners are healthy")
        .Requires(() => Cluster)
        .Executes(async ct =>
        {
            var report = await RunSmokeAsync(Cluster!, Kubeconfig, Context, ct);
            if (!report.Passed)
            {
                throw new BuildException($"Smoke failed on {Cluster}: {report.Summary}.");
            }
        });

    /// <summary>Renders <paramref name="cluster"/> from the working tree and checks the live cluster against it.</summary>
    async Task<SmokeReport> RunSmokeAsync(string cluster, string? kubeconfig, string? context, CancellationToken ct)
    {
        var timeout = SmokeDurations.Parse(Timeout)
            ?? throw new UsageException($"--timeout {Timeout}: not a duration; use e.g. 90s, 10m or 1m30s.");
        using var renderer = new FluxRenderer(KustomizeCli.Locate());
        var rendered = await renderer.RenderAsync(new RepositoryLayout(RootDirectory, Root), cluster, ct);
        if (rendered.Findings.FirstOrDefault(f => f.Severity == Validation.Severity.Error) is { } broken)
        {
            throw new BuildException($"{cluster} does not render, so there is nothing to compare the cluster with: {broken}. Run ./build.sh Validate.");
        }

        var revision = Revision ?? LocalHead();
        var options = new SmokeOptions(kubeconfig, context, revision, timeout, JUnitPath: Junit is null ? null : Path.GetFullPath(Junit));
        var report = await new SmokeService(Console, TimeProvider.System).RunAsync(rendered, options, ct);
        Host.AppendStepSummary(SmokeMarkdown.Render(report));
        AddNote(report.Summary);
        return report;
    }

    string? LocalHead()
    {
        try
        {
            using var git = GitWorkspace.Open(RootDirectory);
            return git.HeadSha;
        }
        catch (BuildException e)
        {
            Console.MarkupLine($"[yellow]Not checking which commit the cluster applied: {Markup.Escape(e.Message)}[/]");
            return null;
        }
    }
}
