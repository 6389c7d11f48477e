using GitOpsRunners.Diagnostics;
using GitOpsRunners.Engine;
using GitOpsRunners.Rendering;
using GitOpsRunners.Versions.Pins;

namespace GitOpsRunners.Versions.Lookup;

/// <summary>The version pins of one cluster, read from the tree Flux would apply (rendered by <see cref="FluxRenderer"/>).</summary>
public static class ClusterPins
{
    /// <exception cref="BuildException">The cluster does not render, so its pins cannot be traced.</exception>
    public static async Task<IReadOnlyList<VersionPin>> ReadAsync(
        FluxRenderer renderer,
        RepositoryLayout layout,
        string cluster,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(layout);
        var rendered = await renderer.RenderAsync(layout, cluster, ct).ConfigureAwait(false);
        if (rendered.Findings.FirstOrDefault(f => f.Severity == Severity.Error) is { } broken)
        {
            throw new BuildException(
                $"{cluster} does not render, so its version pins cannot be found: {broken}. Fix it first (./build.sh Validate --cluster {cluster})."
            );
        }

        var sources = await new PinSourceReader(layout.Root).ReadAsync(rendered, ct).ConfigureAwait(false);
        return PinInventory.Find(rendered, sources);
    }
}
