namespace GitOpsRunners.Tests.Fakes.GitHub;

/// <summary>A pull request held by the fake. Tests read it after the code under test ran.</summary>
public sealed class FakePullRequest
{
    public required long Number { get; init; }
    public required string HeadOwner { get; init; }
    public required string Head { get; init; }
    public string HeadSha { get; set; } = new('a', 40);
    public required string Base { get; set; }
    public required string Title { get; set; }
    public string Body { get; set; } = string.Empty;
    public bool Draft { get; set; }
    public string State { get; set; } = "open";
    public List<string> Labels { get; } = [];
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}
