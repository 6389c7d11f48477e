namespace GitOpsRunners.Tests.Versions.Renovate;

/// <summary>
/// One update Renovate would make on branch <see cref="Branch"/>: the ConfigMap key it rewrites in
/// <see cref="File"/>, the text it writes (<c>tag</c>, or <c>tag@digest</c> when it pins a digest) and
/// its update type (major, minor, patch, digest).
/// </summary>
public sealed record RenovateUpdate(
    string Branch,
    string File,
    string Variable,
    string DepName,
    string Text,
    string UpdateType
);
