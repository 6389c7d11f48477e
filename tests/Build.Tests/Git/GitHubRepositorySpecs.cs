using GitOpsRunners.Git;

namespace GitOpsRunners.Tests.Git;

public sealed class GitHubRepositorySpecs
{
    [Theory]
    [InlineData("https://github.com/acme/fleet.git", "acme", "fleet")]
    [InlineData("https://github.com/acme/fleet", "acme", "fleet")]
    [InlineData("https://x-access-token:secret@github.com/acme/fleet.git", "acme", "fleet")]
    [InlineData("git@github.com:acme/fleet.git", "acme", "fleet")]
    [InlineData("ssh://git@github.com/acme/fleet.git", "acme", "fleet")]
    [InlineData("https://ghes.example.com/platform/gitops-runners.git", "platform", "gitops-runners")]
    public void Owner_and_name_are_read_from_https_and_ssh_urls(string url, string owner, string name)
    {
        var parsed = GitHubRepository.TryParseRemoteUrl(url, out var repository);

        parsed.Should().BeTrue();
        repository.Should().Be(new GitHubRepository(owner, name));
    }

    [Theory]
    [InlineData("/tmp/origin.git")]
    [InlineData("file:///tmp/origin.git")]
    [InlineData("C:\\repos\\origin.git")]
    [InlineData("https://github.com/acme")]
    [InlineData("")]
    [InlineData(null)]
    public void Local_paths_and_urls_without_owner_and_name_are_not_GitHub_repositories(string? url)
    {
        GitHubRepository.TryParseRemoteUrl(url, out var repository).Should().BeFalse();
        repository.Should().BeNull();
    }
}
