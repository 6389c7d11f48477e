using GitOpsRunners.Git;
using Octokit;

namespace GitOpsRunners.Smoke;

/// <summary>
/// Dispatches a <c>workflow_dispatch</c> workflow through Octokit and polls its newest run (created after the
/// dispatch, on that ref) until it completes or <c>timeout</c> passes.
/// </summary>
public sealed class GitHubWorkflowDispatcher(
    IGitHubClient client,
    GitHubRepository repository,
    TimeProvider time,
    TimeSpan pollInterval
) : IWorkflowDispatcher
{
    public async Task<WorkflowRunResult> DispatchAndWaitAsync(
        string workflowFile,
        string gitRef,
        IReadOnlyDictionary<string, string> inputs,
        TimeSpan timeout,
        CancellationToken ct
    )
    {
        var file = Path.GetFileName(workflowFile);
        var dispatchedAt = time.GetUtcNow();
        var dispatch = new CreateWorkflowDispatch(gitRef)
        {
            Inputs = inputs.ToDictionary(p => p.Key, p => (object)p.Value),
        };
        await GitHubCall
            .RunAsync(
                async () =>
                {
                    await client
                        .Actions.Workflows.CreateDispatch(repository.Owner, repository.Name, file, dispatch)
                        .ConfigureAwait(false);
                    return true;
                },
                $"dispatching workflow {file} on {gitRef}",
                ct
            )
            .ConfigureAwait(false);

        var deadline = dispatchedAt + timeout;
        WorkflowRun? run = null;
        while (true)
        {
            var runs = await GitHubCall
                .RunAsync(
                    () =>
                        client.Actions.Workflows.Runs.ListByWorkflow(
                            repository.Owner,
                            repository.Name,
                            file,
                            new WorkflowRunsRequest { Event = "workflow_dispatch", Branch = gitRef }
                        ),
                    $"listing the runs of workflow {file}",
                    ct
                )
                .ConfigureAwait(false);

            // Runs are listed newest first; allow a minute of clock difference with GitHub.
            run =
                runs.WorkflowRuns.Where(r => r.CreatedAt >= dispatchedAt.AddMinutes(-1)).MaxBy(r => r.CreatedAt) ?? run;
            if (run is not null && run.Status.StringValue == "completed")
            {
                return new WorkflowRunResult(
                    run.Id,
                    run.Conclusion?.StringValue,
                    Uri.TryCreate(run.HtmlUrl, UriKind.Absolute, out var url) ? url : null
                );
            }

            // Look at least once, however short the timeout: the dispatch itself may have used it up.
            if (time.GetUtcNow() >= deadline)
            {
                break;
            }

            await Task.Delay(pollInterval, time, ct).ConfigureAwait(false);
        }

        return new WorkflowRunResult(
            run?.Id ?? 0,
            null,
            run is not null && Uri.TryCreate(run.HtmlUrl, UriKind.Absolute, out var pending) ? pending : null
        );
    }
}
