using System.Text;
using GitOpsRunners.Tests.Fakes;
using GitOpsRunners.Tests.Fakes.GitHub;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tests.Support.Registry;
using Microsoft.AspNetCore.Http;

namespace GitOpsRunners.Tests.Versions.Bump;

/// <summary>
/// Everything a Bump run talks to, started once per test class: a real distribution registry holding
/// the ARC charts and the runner image (tags pushed out of order, pre-releases, a non-semver tag, a
/// multi-arch index), a fault proxy in front of it, a loopback Helm repository for ESO, and the
/// loopback GitHub API with releases of actions/runner, ARC and ESO.
/// </summary>
public sealed class BumpWorld : IAsyncLifetime
{
    public const string Controller = "actions/actions-runner-controller-charts/gha-runner-scale-set-controller";
    public const string ScaleSet = "actions/actions-runner-controller-charts/gha-runner-scale-set";
    public const string Runner = "home-operations/actions-runner";
    public const string EsoRepository = "https://charts.external-secrets.io";

    private readonly TempDirectory _folder = new();
    private RegistryBinary? _registry;
    private RegistryPusher? _pusher;
    private LoopbackServer? _helm;

    public FaultProxy Proxy { get; private set; } = null!;

    public GitHubApiServer GitHub { get; private set; } = null!;

    public string RegistryAuthority => _registry!.Authority;

    public Uri HelmBaseUri => _helm!.BaseUri;

    public string Runner2337Digest { get; private set; } = "";

    public string Runner2338Digest { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _registry = await RegistryBinary.StartAsync(_folder.Path, authSection: null);
        _pusher = new RegistryPusher(_registry.BaseUri);
        foreach (var version in new[] { "0.16.0", "0.14.2", "1.0.0", "0.15.1", "0.15.0", "0.16.1-rc.1" })
        {
            await _pusher.PushHelmChartAsync(Controller, version);
        }

        foreach (var version in new[] { "1.0.0", "0.15.0", "0.16.1-rc.1", "0.14.2", "0.16.0" })
        {
            await _pusher.PushHelmChartAsync(ScaleSet, version);
        }

        await _pusher.PushManifestAsync(
            Controller,
            "latest",
            GitOpsRunners.Versions.Registries.OciMediaTypes.ImageManifest,
            await _pusher.GetManifestAsync(Controller, "0.16.0")
        );
        Runner2338Digest = (
            await _pusher.PushIndexAsync(Runner, "2.338.0", docker: false, "amd64", "arm64", "s390x")
        ).IndexDigest;
        Runner2337Digest = (
            await _pusher.PushIndexAsync(Runner, "2.337.0", docker: false, "amd64", "arm64")
        ).IndexDigest;
        await _pusher.PushImageAsync(Runner, "2.339.0-rc.1", "amd64");
        await _pusher.PushImageAsync(Runner, "latest", "amd64");

        _helm = await LoopbackServer.StartAsync(ServeHelmIndexAsync);
        Proxy = await FaultProxy.StartAsync(_registry.BaseUri);
        GitHub = await GitHubApiServer.StartAsync();
        var when = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var runner = GitHub.Repository("actions", "runner");
        runner.AddRelease("v2.338.0", when);
        runner.AddRelease("v2.339.0", when.AddDays(20));
        var arc = GitHub.Repository("actions", "actions-runner-controller");
        arc.AddRelease("gha-runner-scale-set-0.16.0", when);
        arc.AddRelease("gha-runner-scale-set-1.0.0", when.AddDays(30));
        GitHub.Repository("external-secrets", "external-secrets").AddRelease("v2.10.0", when);
    }

    public async Task DisposeAsync()
    {
        await GitHub.DisposeAsync();
        await Proxy.DisposeAsync();
        if (_helm is not null)
            await _helm.DisposeAsync();
        _pusher?.Dispose();
        if (_registry is not null)
            await _registry.DisposeAsync();
        _folder.Dispose();
    }

    private static Task ServeHelmIndexAsync(HttpContext context)
    {
        if (context.Request.Path != "/index.yaml")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        var index = new StringBuilder("apiVersion: v1\nentries:\n  external-secrets:\n");
        foreach (var version in new[] { "2.9.1", "3.0.0", "2.9.0", "2.11.0-rc.1", "2.10.0" })
        {
            index.Append(
                $"    - apiVersion: v2\n      name: external-secrets\n      version: {version}\n      appVersion: v{version}\n      urls: [external-secrets-{version}.tgz]\n"
            );
        }

        context.Response.ContentType = "application/x-yaml";
        return context.Response.WriteAsync(index.ToString());
    }
}
