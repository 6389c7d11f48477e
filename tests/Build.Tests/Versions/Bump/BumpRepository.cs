using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Fakes.GitHub;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tests.Support.Git;

namespace GitOpsRunners.Tests.Versions.Bump;

/// <summary>
/// A clone (with a bare <c>origin</c>) holding a copy of this repository's <c>kubernetes/</c> tree, whose
/// first stage pins the versions given, committed and pushed on <c>main</c>. <see cref="RunAsync"/> drives
/// the build through the real runner with the registry and Helm mirrors pointing at <see cref="BumpWorld"/>.
/// </summary>
public sealed class BumpRepository : IDisposable
{
    public const string Cluster = "aks-myaks-tst-swn-00";
    public const string Owner = "acme";
    public const string Name = "fleet";
    public const string VersionsFile = $"kubernetes/apps/overlays/{Cluster}/cluster-versions.yaml";

    private readonly BumpWorld _world;

    public BumpRepository(BumpWorld world, string arc, string eso, string runner)
    {
        _world = world;
        Sandbox = new GitSandbox();
        DirectoryCopy.Tree(
            Path.Combine(RepositoryRoot.Path, "kubernetes"),
            Path.Combine(Sandbox.WorkPath, "kubernetes")
        );
        OriginalVersions = VersionsYaml(arc, eso, runner);
        File.WriteAllText(Path.Combine(Sandbox.WorkPath, VersionsFile), OriginalVersions);
        Sandbox.CommitAll(GitSandbox.Epoch, "Add the fleet");
        Sandbox.PushMain();
    }

    public GitSandbox Sandbox { get; }

    public string OriginalVersions { get; }

    public string Root => Sandbox.WorkPath;

    public string Versions => Sandbox.ReadWorkingFile(VersionsFile);

    public static string VersionsYaml(string arc, string eso, string runner) =>
        ArcYaml.FirstStageVersionsHeader
        + $"""
              # One version for both ARC charts.
              ARC_CHART_VERSION: "{arc}"
              ESO_CHART_VERSION: '{eso}'   # single-quoted on purpose
              # Tag and digest of the runner image.
              RUNNER_IMAGE: "{runner}"

            """;

    /// <summary>Runs the build with mirrors to the world's registry (or its fault proxy) and the GitHub fake.</summary>
    public Task<BuildRun> RunAsync(IEnumerable<string> args, bool throughProxy = false, bool separateStreams = false)
    {
        var registry = throughProxy ? _world.Proxy.Authority : _world.RegistryAuthority;
        string[] all =
        [
            .. args,
            "--registry-mirror",
            $"ghcr.io=http://{registry}",
            "--helm-repository-mirror",
            $"{BumpWorld.EsoRepository}={_world.HelmBaseUri}",
            "--registry-retries",
            "1",
        ];
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_API_URL"] = _world.GitHub.BaseAddress.AbsoluteUri,
            ["GITHUB_TOKEN"] = GitHubApiServer.DefaultToken,
            ["GITHUB_REPOSITORY"] = $"{Owner}/{Name}",
            ["NO_COLOR"] = "1",
        };
        return InProcessBuild.RunAsync(Root, all, environment, separateStreams);
    }

    public void Dispose() => Sandbox.Dispose();
}
