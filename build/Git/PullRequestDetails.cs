namespace GitOpsRunners.Git;

/// <summary>
/// A collapsed section of a pull request body, such as a rendered diff. The caller masks secrets
/// before the content gets here. <paramref name="Language"/> tags the code block (<c>diff</c>, <c>yaml</c>).
/// </summary>
public sealed record PullRequestDetails(string Summary, string Content, string Language = "");
