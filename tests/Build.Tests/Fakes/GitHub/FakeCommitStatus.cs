namespace GitOpsRunners.Tests.Fakes.GitHub;

public sealed record FakeCommitStatus(
    long Id,
    string Sha,
    string State,
    string? Context,
    string? Description,
    string? TargetUrl
);
