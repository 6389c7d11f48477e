using GitOpsRunners.Rendering;
using Spectre.Console;

namespace GitOpsRunners.Smoke;

/// <summary>
/// The Smoke target's entry point: connect (kubeconfig, context or in-cluster), derive the expectations from the rendered
/// cluster and <see cref="SmokeOptions.Revision"/>, then wait and report. The caller resolves the default revision (local HEAD).
/// </summary>
public sealed class SmokeService(IAnsiConsole console, TimeProvider time)
{
    /// <summary>
    /// One API request may take <c>--timeout</c>, at least <see cref="MinRequestTime"/> and at most
    /// <see cref="MaxRequestTime"/>; the runner cuts a read that is still waiting when <c>--timeout</c> has passed.
    /// </summary>
    private static readonly TimeSpan MinRequestTime = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan MaxRequestTime = TimeSpan.FromSeconds(30);

    public async Task<SmokeReport> RunAsync(RenderedCluster cluster, SmokeOptions options, CancellationToken ct)
    {
        var configuration = KubernetesConnection.Configure(options);
        configuration.HttpClientTimeout =
            options.EffectiveTimeout < MinRequestTime ? MinRequestTime
            : options.EffectiveTimeout > MaxRequestTime ? MaxRequestTime
            : options.EffectiveTimeout;
        using var reader = new KubernetesClusterReader(configuration);
        var expected = SmokeExpectations.From(cluster, options.Revision);
        return await new SmokeRunner(reader, console, time).RunAsync(expected, options, ct).ConfigureAwait(false);
    }
}
