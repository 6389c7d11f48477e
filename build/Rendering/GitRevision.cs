namespace GitOpsRunners.Rendering;

/// <summary>A commit of this repository that a GitRepository's <c>spec.ref</c> names; or why it cannot be read.</summary>
internal sealed record GitRevision(string? Sha, string Label, string? Problem = null);
