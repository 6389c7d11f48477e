namespace GitOpsRunners.Git;

/// <summary>What happened to a pull request's marked comment.</summary>
public enum CommentAction
{
    Created,
    Updated,
    Unchanged,
}
