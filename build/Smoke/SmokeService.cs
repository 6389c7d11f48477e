using GitOpsRunners.Rendering;
using Spectre.Console;

namespace GitOpsRunners.Smoke;

/// <summary>
/// The Smoke target's entry point: connect (kubeconfig, context or in-cluster), derive the expectations from the rendered
/// cluster and <see cref="SmokeOptions.Revision"/>, then wait and report. The caller resolves the default revision (local HEAD).
/// </summary>
public sealed class SmokeService(IAnsiConsole console, TimeProvider time)
{
    /// <summary>The longest one API request may take (never longer than the whole <c>--timeout</c>).</summary>
    private static readonly TimeSpan MaxRequestTime = TimeSpan.FromSeconds(30);

    public async Task<SmokeReport> RunAsync(RenderedCluster cluster, SmokeOptions options, CancellationToken ct)
    {
        var configuration = KubernetesConnection.Configure(options);
        configuration.HttpClientTimeout =
            options.EffectiveTimeout < MaxRequestTime ? options.EffectiveTimeout : MaxRequestTime;
        using var reader = new KubernetesClusterReader(configuration);
        var expected = SmokeExpectations.From(cluster, options.Revision);
        return await new SmokeRunner(reader, console, time).RunAsync(expected, options, ct).ConfigureAwait(false);
    }
}
