namespace GitOpsRunners.Smoke;

/// <summary>
/// The optional end-to-end check (<c>--dispatch-workflow</c>): dispatch a <c>workflow_dispatch</c> workflow whose job runs on
/// the scale set's label and wait until its run concludes. Implemented over Octokit elsewhere.
/// </summary>
public interface IWorkflowDispatcher
{
    Task<WorkflowRunResult> DispatchAndWaitAsync(
        string workflowFile,
        string gitRef,
        IReadOnlyDictionary<string, string> inputs,
        TimeSpan timeout,
        CancellationToken ct
    );
}
