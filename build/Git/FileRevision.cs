namespace GitOpsRunners.Git;

/// <summary>A commit on a branch's first-parent line that changed a file (or created or deleted it).</summary>
public sealed record FileRevision(string Sha, DateTimeOffset CommittedAt, string Summary);
