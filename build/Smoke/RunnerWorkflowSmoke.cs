using GitOpsRunners.Engine;
using GitOpsRunners.Rendering;
using Spectre.Console;

namespace GitOpsRunners.Smoke;

/// <summary>
/// Smoke end to end: runs a <c>workflow_dispatch</c> workflow once per runner scale set the cluster defines, with
/// the scale set's label as the <c>runner-label</c> input, and requires every run to succeed in time.
/// </summary>
public sealed class RunnerWorkflowSmoke(IAnsiConsole console, IWorkflowDispatcher dispatcher)
{
    /// <summary>The labels the workflow succeeded on, one per scale set; a failed or late run is a <see cref="BuildException"/>.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(
        RenderedCluster rendered,
        string workflow,
        string gitRef,
        TimeSpan timeout,
        CancellationToken ct
    )
    {
        var labels = SmokeExpectations
            .From(rendered, null)
            .ScaleSets.Select(s => s.Name)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (labels.Count == 0)
        {
            throw new BuildException(
                $"{rendered.Name} defines no runner scale set, so there is no label to run {workflow} on."
            );
        }

        foreach (var label in labels)
        {
            console.MarkupLine(
                $"Dispatching {Markup.Escape(workflow)} on runs-on: {Markup.Escape(label)} ({Markup.Escape(gitRef)})…"
            );
            var run = await dispatcher
                .DispatchAndWaitAsync(
                    workflow,
                    gitRef,
                    new Dictionary<string, string> { ["runner-label"] = label, ["cluster"] = rendered.Name },
                    timeout,
                    ct
                )
                .ConfigureAwait(false);
            var where = run.HtmlUrl is null ? "" : $" ({run.HtmlUrl})";
            if (!run.Succeeded)
            {
                throw new BuildException(
                    run.Conclusion is null
                        ? $"The {workflow} run on {label} did not finish within {DurationFormat.Format(timeout)}{where}; are the runners picking up jobs?"
                        : $"The {workflow} run on {label} concluded '{run.Conclusion}'{where}."
                );
            }

            console.MarkupLine(
                $"[green]{Markup.Escape(workflow)} succeeded on {Markup.Escape(label)}[/]{Markup.Escape(where)}"
            );
        }

        return labels;
    }
}
