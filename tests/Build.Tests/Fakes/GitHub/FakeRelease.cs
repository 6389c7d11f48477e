namespace GitOpsRunners.Tests.Fakes.GitHub;

public sealed record FakeRelease(long Id, string TagName, DateTimeOffset PublishedAt, bool Prerelease, bool Draft);
