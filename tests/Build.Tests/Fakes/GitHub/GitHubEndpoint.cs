namespace GitOpsRunners.Tests.Fakes.GitHub;

/// <summary>The REST endpoints the fake serves; faults are switched per endpoint.</summary>
public enum GitHubEndpoint
{
    ListPullRequests,
    CreatePullRequest,
    UpdatePullRequest,
    GetPullRequest,
    AddIssueLabels,
    ListLabels,
    CreateLabel,
    CreateStatus,
    ListStatuses,
    LatestRelease,
    ListReleases,
    ReleaseByTag,
    GetBranchRef,
    DispatchWorkflow,
    ListWorkflowRuns,
    ListIssueComments,
    CreateIssueComment,
    UpdateIssueComment,
}
