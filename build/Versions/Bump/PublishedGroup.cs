using GitOpsRunners.Git;

namespace GitOpsRunners.Versions.Bump;

/// <summary>A group published as its own branch and pull request.</summary>
public sealed record PublishedGroup(string Group, string Branch, ChangeResult Result);
