using System.Collections.Concurrent;
using System.Text;
using GitOpsRunners.Tests.Fakes;
using Microsoft.AspNetCore.Http;

namespace GitOpsRunners.Tests.Support.Charts;

/// <summary>
/// A classic Helm repository on loopback: <c>/charts/index.yaml</c> lists the charts added, each archive served at
/// <c>/charts/&lt;name&gt;-&lt;version&gt;.tgz</c> under a relative url (as <c>helm repo index</c> writes it).
/// </summary>
public sealed class HelmChartServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, byte[]> _archives = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (ChartPackage Chart, string? Digest)> _entries = new(
        StringComparer.Ordinal
    );
    private LoopbackServer _server = null!;

    /// <summary><c>http://127.0.0.1:port/charts</c>, the HelmRepository url.</summary>
    public string Url => _server.BaseUri.AbsoluteUri + "charts";

    public static async Task<HelmChartServer> StartAsync()
    {
        var server = new HelmChartServer();
        server._server = await LoopbackServer.StartAsync(server.HandleAsync);
        return server;
    }

    /// <summary>Adds <paramref name="chart"/>; the index publishes <paramref name="digest"/> (default: the archive's own sha256).</summary>
    public HelmChartServer Add(ChartPackage chart, string? digest = null, bool publishDigest = true)
    {
        var archive = chart.Pack();
        _archives[$"/charts/{chart.Name}-{chart.Version}.tgz"] = archive;
        _entries[$"{chart.Name} {chart.Version}"] = (
            chart,
            publishDigest ? digest ?? ChartPackage.Sha256Hex(archive) : null
        );
        return this;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path == "/charts/index.yaml")
        {
            await context.Response.WriteAsync(Index());
            return;
        }

        if (_archives.TryGetValue(path, out var archive))
        {
            context.Response.ContentType = "application/gzip";
            await context.Response.Body.WriteAsync(archive);
            return;
        }

        context.Response.StatusCode = 404;
    }

    private string Index()
    {
        var text = new StringBuilder("apiVersion: v1\nentries:\n");
        foreach (var group in _entries.Values.GroupBy(e => e.Chart.Name))
        {
            text.Append($"  {group.Key}:\n");
            foreach (var (chart, digest) in group)
            {
                text.Append($"    - apiVersion: v2\n      name: {chart.Name}\n      version: {chart.Version}\n");
                if (digest is not null)
                {
                    text.Append($"      digest: {digest}\n");
                }

                text.Append($"      urls:\n        - {chart.Name}-{chart.Version}.tgz\n");
            }
        }

        return text.ToString();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
