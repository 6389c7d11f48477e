using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Fakes.GitHub;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tests.Support.Git;
using LibGit2Sharp;
using Spectre.Console.Testing;

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
        DirectoryCopy.Tree(Path.Combine(SourceRoot(), "kubernetes"), Path.Combine(Sandbox.WorkPath, "kubernetes"));
        OriginalVersions = VersionsYaml(arc, eso, runner);
        File.WriteAllText(Path.Combine(Sandbox.WorkPath, VersionsFile), OriginalVersions);
        using var repo = new Repository(Sandbox.WorkPath);
        Commands.Stage(repo, "*");
        var signature = new Signature("Test", "test@example.invalid", GitSandbox.Epoch);
        repo.Commit("Add the fleet", signature, signature);
        repo.Network.Push(repo.Network.Remotes["origin"], "refs/heads/main:refs/heads/main");
    }

    public GitSandbox Sandbox { get; }

    public string OriginalVersions { get; }

    public string Root => Sandbox.WorkPath;

    public string Versions => Sandbox.ReadWorkingFile(VersionsFile);

    public static string VersionsYaml(string arc, string eso, string runner) =>
        $"""
            ---
            # Version pins of the first stage.
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cluster-versions
              namespace: flux-system
            data:
              # One version for both ARC charts.
              ARC_CHART_VERSION: "{arc}"
              ESO_CHART_VERSION: '{eso}'   # single-quoted on purpose
              # Tag and digest of the runner image.
              RUNNER_IMAGE: "{runner}"

            """;

    /// <summary>Runs the build with mirrors to the world's registry (or its fault proxy) and the GitHub fake.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> args, bool throughProxy = false)
    {
        using var console = new TestConsole().Width(400);
        var registry = throughProxy ? _world.Proxy.Authority : _world.RegistryAuthority;
        string[] all =
        [
            .. args,
            "--repository-root",
            Root,
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
            ["GITHUB_TOKEN"] = Fakes.GitHub.GitHubApiServer.DefaultToken,
            ["GITHUB_REPOSITORY"] = $"{Owner}/{Name}",
            ["NO_COLOR"] = "1",
        };
        var exitCode = await BuildRunner.RunAsync(
            new Build(),
            all,
            new BuildEnvironment(console, environment, Root),
            CancellationToken.None
        );
        return (exitCode, console.Output);
    }

    public void Dispose() => Sandbox.Dispose();

    private static string SourceRoot()
    {
        for (
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            directory is not null;
            directory = directory.Parent
        )
        {
            if (File.Exists(Path.Combine(directory.FullName, "kubernetes", "promotion.yaml")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No kubernetes/promotion.yaml above {AppContext.BaseDirectory}.");
    }
}
