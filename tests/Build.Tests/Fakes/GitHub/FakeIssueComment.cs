namespace GitOpsRunners.Tests.Fakes.GitHub;

/// <summary>A comment on an issue or pull request held by the fake; tests read it after the code under test ran.</summary>
public sealed class FakeIssueComment
{
    public required long Id { get; init; }
    public required long IssueNumber { get; init; }
    public required string Author { get; init; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}
