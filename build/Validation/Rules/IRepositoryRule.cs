using GitOpsRunners.Diagnostics;
using GitOpsRunners.Rendering;

namespace GitOpsRunners.Validation.Rules;

/// <summary>
/// A check over the rendered clusters together with the repository's files, supplied by a capability that
/// Validation does not depend on (e.g. the version pins of <c>Versions/</c>) through <see cref="ValidationOptions"/>.
/// </summary>
public interface IRepositoryRule
{
    Task<IReadOnlyList<Finding>> CheckAsync(
        string repositoryRoot,
        IReadOnlyList<RenderedCluster> clusters,
        CancellationToken ct
    );
}
