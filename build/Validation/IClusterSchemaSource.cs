using GitOpsRunners.Diagnostics;
using GitOpsRunners.Rendering;
using GitOpsRunners.Validation.Rules;

namespace GitOpsRunners.Validation;

/// <summary>
/// Schemas for one cluster's custom resources that come from outside the repository (e.g. the CRDs of the chart
/// versions its HelmReleases pin), with what was found on the way; supplied by a capability that Validation does not
/// depend on, through <see cref="ValidationOptions"/>. The cluster's own CustomResourceDefinitions win over these.
/// </summary>
public interface IClusterSchemaSource
{
    /// <summary>The ids <see cref="ResolveAsync"/> reports, with their default severity, rationale and help.</summary>
    IReadOnlyList<RuleDescriptor> Descriptors { get; }

    Task<ClusterSchemas> ResolveAsync(RenderedCluster cluster, ISourceLocator locator, CancellationToken ct);
}
