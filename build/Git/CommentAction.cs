namespace GitOpsRunners.Git;

/// <summary>What happened to a pull request's marked comment.</summary>
public enum CommentAction
{
    Created,
    Updated,
    Unchanged,

    /// <summary>No marked comment existed and none was wanted (nothing to say yet).</summary>
    NotPosted,
}
