namespace GitOpsRunners.Git;

public enum PullRequestOutcome
{
    Created,
    Updated,
    Unchanged,
}
