using System.Collections.Concurrent;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Tests.Fakes;
using GitOpsRunners.Tests.Versions.Registries;
using GitOpsRunners.Versions.Lookup;
using GitOpsRunners.Versions.Pins;
using GitOpsRunners.Versions.Planning;
using GitOpsRunners.Versions.Registries;
using Microsoft.AspNetCore.Http;

namespace GitOpsRunners.Tests.Versions.Lookup;

/// <summary>How VersionLookup reads many sources: several at once, with a result in the sources' order.</summary>
public sealed class VersionLookupSpecs
{
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);
    private int _mostInFlight;

    [Fact(Timeout = 30_000)]
    public async Task Sources_are_read_at_the_same_time_and_the_result_keeps_their_order()
    {
        // Arrange: each index answers once another repository's index is being asked for too (or after 3 s)
        await using var server = await LoopbackServer.StartAsync(AnswerWhenNotAloneAsync);
        var pins = new[] { "d", "b", "a", "c" }
            .Select(name => Pin(new Uri(server.BaseUri, $"{name}/").ToString()))
            .ToList();
        using var http = RegistryHttp.CreateClient(TestHttp.Options with { MaxRetryAttempts = 0 });
        var lookup = new VersionLookup(
            new OciRegistryClient(http, RegistryCredentialStore.None),
            new HelmRepositoryClient(http),
            new GitTagLister(),
            RegistryMirrors.None
        );

        // Act
        var result = await lookup.LookUpAsync(
            pins,
            new LookupOptions(new BumpPolicy(), Digests: false, Releases: false),
            CancellationToken.None
        );

        // Assert
        _mostInFlight.Should().BeGreaterThan(1);
        result.Failures.Should().BeEmpty();
        result.Available.Keys.Select(k => k.Source[^2..]).Should().Equal("a/", "b/", "c/", "d/");
        result.Available.Values.Select(v => v.Versions.Single()).Should().Equal("1.0.0", "2.0.0", "3.0.0", "4.0.0");
    }

    private static VersionPin Pin(string repository) =>
        new("one", "runners", PinKind.HelmChartHttp, repository, "0.1.0", null, new SourceLocation("release.yaml", 1));

    /// <summary>Serves <c>/&lt;letter&gt;/index.yaml</c> with one version, the letter's place in the alphabet.</summary>
    private async Task AnswerWhenNotAloneAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!;
        _inFlight[path] = 0;
        lock (_inFlight)
        {
            _mostInFlight = Math.Max(_mostInFlight, _inFlight.Count);
        }

        var deadline = DateTime.UtcNow.AddSeconds(3);
        while (Volatile.Read(ref _mostInFlight) < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await context.Response.WriteAsync(
            $"apiVersion: v1\nentries:\n  runners:\n  - name: runners\n    version: {path[1] - 'a' + 1}.0.0\n    urls: [runners.tgz]\n"
        );
        _inFlight.TryRemove(path, out _);
    }
}
