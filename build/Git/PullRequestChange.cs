namespace GitOpsRunners.Git;

/// <summary>One row of a pull request's change table. <paramref name="From"/> is null for something new.</summary>
public sealed record PullRequestChange(string Component, string? From, string To, Uri? ReleaseNotes = null);
