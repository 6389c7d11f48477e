using GitOpsRunners.Diagnostics;
using GitOpsRunners.Engine;
using GitOpsRunners.Git;
using GitOpsRunners.Rendering;
using GitOpsRunners.Smoke;
using GitOpsRunners.Tools;
using Spectre.Console;

namespace GitOpsRunners;

sealed partial class Build
{
    [Parameter("Commit the cluster must have applied (default: the local HEAD)")]
    string? Revision { get; set; }

    [Parameter("How long Smoke waits for every check to pass, e.g. 90s, 10m")]
    string Timeout { get; set; } = "10m";

    [Parameter("Write the Smoke results as JUnit XML to this file")]
    string? Junit { get; set; }

    [Parameter(
        "Smoke end to end: dispatch this workflow_dispatch workflow (e.g. runner-smoke.yml) on the scale set's label and wait for success"
    )]
    string? DispatchWorkflow { get; set; }

    [Parameter("Git ref the dispatched workflow runs on (default: the current branch, else main)")]
    string? DispatchRef { get; set; }

    /// <summary><c>--timeout</c>, refused as a usage error when it is not a duration or longer than 30 days.</summary>
    TimeSpan SmokeTimeout => DurationText.ParseOption("--timeout", Timeout, LongestWait);

    Target Smoke =>
        _ =>
            _.Description("Ask the live cluster whether Flux applied this commit and ESO and the runners are healthy")
                .Requires(() => Cluster)
                .Requires(() => GitHubToken)
                .When(() => DispatchWorkflow is not null)
                .Executes(async ct =>
                {
                    var timeout = SmokeTimeout; // a bad --timeout is a usage error before anything is rendered
                    var rendered = await RenderForSmokeAsync(Cluster!, ct);
                    var report = await RunSmokeAsync(rendered, Kubeconfig, Context, ct);
                    if (!report.Passed)
                    {
                        throw new BuildException($"Smoke failed on {Cluster}: {report.Summary}.");
                    }

                    if (DispatchWorkflow is { } workflow)
                    {
                        await DispatchRunnerWorkflowAsync(rendered, workflow, ct);
                    }
                });

    /// <summary>Dispatches the workflow once per scale set, with the scale set's label as <c>runner-label</c>, and waits for success.</summary>
    async Task DispatchRunnerWorkflowAsync(RenderedCluster rendered, string workflow, CancellationToken ct)
    {
        GitOpsRunners.Git.GitHubRepository repository;
        using (var git = OpenGit())
        {
            repository = ResolveGitHubRepository(git);
        }

        var gitRef = DispatchRef ?? CurrentBranch() ?? "main";
        var dispatcher = new GitHubWorkflowDispatcher(
            GitHub,
            repository,
            TimeProvider.System,
            TimeSpan.FromSeconds(10)
        );
        var labels = await new RunnerWorkflowSmoke(Console, dispatcher).RunAsync(
            rendered,
            workflow,
            gitRef,
            SmokeTimeout,
            ct
        );
        foreach (var label in labels)
        {
            AddNote($"{workflow} on {label}: success");
        }
    }

    string? CurrentBranch()
    {
        try
        {
            using var git = OpenGit();
            return git.CurrentBranch;
        }
        catch (BuildException)
        {
            return null;
        }
    }

    /// <summary>Renders <paramref name="cluster"/> from the working tree and checks the live cluster against it.</summary>
    async Task<SmokeReport> RunSmokeAsync(string cluster, string? kubeconfig, string? context, CancellationToken ct) =>
        await RunSmokeAsync(await RenderForSmokeAsync(cluster, ct), kubeconfig, context, ct);

    async Task<RenderedCluster> RenderForSmokeAsync(string cluster, CancellationToken ct)
    {
        using var renderer = CreateRenderer();
        var rendered = await renderer.RenderAsync(Layout, cluster, ct);
        if (rendered.Findings.FirstOrDefault(f => f.Severity == Diagnostics.Severity.Error) is { } broken)
        {
            throw new BuildException(
                $"{cluster} does not render, so there is nothing to compare the cluster with: {broken}. Run ./build.sh Validate."
            );
        }

        return rendered;
    }

    async Task<SmokeReport> RunSmokeAsync(
        RenderedCluster rendered,
        string? kubeconfig,
        string? context,
        CancellationToken ct
    )
    {
        var timeout = SmokeTimeout;

        var revision = Revision ?? LocalHead();
        var options = new SmokeOptions(
            kubeconfig,
            context,
            revision,
            timeout,
            JUnitPath: Junit is null ? null : UserPath(Junit)
        );
        var report = await new SmokeService(Console, TimeProvider.System).RunAsync(rendered, options, ct);
        Host.AppendStepSummary(SmokeMarkdown.Render(report));
        AddNote(report.Summary);
        return report;
    }

    string? LocalHead()
    {
        try
        {
            using var git = OpenGit();
            return git.HeadSha;
        }
        catch (BuildException e)
        {
            Console.MarkupLine($"[yellow]Not checking which commit the cluster applied: {Markup.Escape(e.Message)}[/]");
            return null;
        }
    }
}
