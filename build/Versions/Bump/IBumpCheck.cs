using GitOpsRunners.Versions.Planning;

namespace GitOpsRunners.Versions.Bump;

/// <summary>
/// A check of one planned group before it is delivered (e.g. whether the new chart versions would reject the
/// repository's objects), supplied by a capability Bump does not depend on. Its answer goes into the pull request body.
/// </summary>
public interface IBumpCheck
{
    /// <summary>Markdown saying what the change would break in <paramref name="cluster"/>, or null when nothing.</summary>
    Task<string?> CheckAsync(string cluster, PinChangeGroup group, CancellationToken ct);
}
