using GitOpsRunners.Engine;
using LibGit2Sharp;

namespace GitOpsRunners.Versions.Lookup;

/// <summary>The tags of a Git repository, read with an ls-remote (no clone), as <c>GitRepository.spec.ref.tag</c> names them.</summary>
public sealed class GitTagLister
{
    private const string TagPrefix = "refs/tags/";

    public Task<IReadOnlyList<string>> ListTagsAsync(string url, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        return Task.Run<IReadOnlyList<string>>(
            () =>
            {
                try
                {
                    return Repository
                        .ListRemoteReferences(url)
                        .Select(r => r.CanonicalName)
                        .Where(n => n.StartsWith(TagPrefix, StringComparison.Ordinal))
                        .Select(n => n[TagPrefix.Length..].Replace("^{}", "", StringComparison.Ordinal))
                        .Distinct(StringComparer.Ordinal)
                        .ToList();
                }
                catch (LibGit2SharpException ex)
                {
                    throw new BuildException(
                        $"{url}: listing its tags failed: {ex.Message}. Check the GitRepository URL and network access.",
                        ExitCodes.TargetFailed,
                        ex
                    );
                }
            },
            ct
        );
    }
}
