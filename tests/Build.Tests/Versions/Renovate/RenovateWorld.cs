using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsRunners.Engine;
using GitOpsRunners.Promotion;
using GitOpsRunners.Tests.Fakes;
using GitOpsRunners.Tests.Fakes.GitHub;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tests.Support.Registry;
using GitOpsRunners.Versions.Registries;
using LibGit2Sharp;
using Microsoft.AspNetCore.Http;
using NuGet.Versioning;

namespace GitOpsRunners.Tests.Versions.Renovate;

/// <summary>
/// A scratch copy of this repository (its <c>kubernetes/</c> tree, workflows and <c>renovate.json</c>,
/// committed in a fresh git repository, as Renovate's local platform reads it) and the registries both
/// Renovate and <c>Bump</c> read: a real distribution registry and a loopback Helm repository, seeded from
/// the first stage's own pins with the current version and a newer patch, minor, major and pre-release of
/// each (the runner image as multi-arch indexes, so the current tag's digest differs from the pinned one).
/// Renovate's extraction, its look-ups, the Versions inventory and Bump's dry-run plan each run once.
/// </summary>
public sealed class RenovateWorld : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private RegistryBinary? _registry;
    private LoopbackServer? _helm;
    private GitHubApiServer? _gitHub;
    private readonly Dictionary<string, List<string>> _helmCharts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _helmPaths = new(StringComparer.Ordinal);
    private Task<RenovateLog>? _extraction;
    private Task<RenovateLog>? _lookup;
    private Task<JsonDocument>? _plan;

    public string Repository => _folder.Combine("repository");

    public string FirstStage { get; private set; } = "";

    /// <summary>The Versions target's JSON inventory of the scratch repository (every cluster).</summary>
    public JsonDocument Inventory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (RenovateInstall.Home is null)
        {
            return;
        }

        CopyRepository();
        FirstStage = PromotionOrder.Load(Repository, "kubernetes").First;
        Inventory = await RunJsonAsync(["Versions", "--format", "json"], "versions.json");
        Directory.CreateDirectory(_folder.Combine("registry"));
        _registry = await RegistryBinary.StartAsync(_folder.Combine("registry"), authSection: null);
        using var pusher = new RegistryPusher(_registry.BaseUri);
        foreach (var pin in FirstStagePins())
        {
            await SeedAsync(pusher, pin);
        }

        _helm = await LoopbackServer.StartAsync(ServeHelmIndexAsync);
        _gitHub = await GitHubApiServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_gitHub is not null)
            await _gitHub.DisposeAsync();
        if (_helm is not null)
            await _helm.DisposeAsync();
        if (_registry is not null)
            await _registry.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>The first stage's pins from <see cref="Inventory"/>.</summary>
    public IReadOnlyList<JsonElement> FirstStagePins() => Pins().Where(p => Text(p, "cluster") == FirstStage).ToList();

    public IReadOnlyList<JsonElement> Pins() => [.. Inventory.RootElement.GetProperty("pins").EnumerateArray()];

    /// <summary>Renovate's extraction (<c>RENOVATE_DRY_RUN=extract</c>) of the committed repository, run once.</summary>
    public Task<RenovateLog> ExtractionAsync() =>
        _extraction ??= RenovateCli.RunAsync(
            Repository,
            "extract",
            _folder.Combine("renovate-extract"),
            globalConfig: null,
            CancellationToken.None
        );

    /// <summary>Renovate's look-ups (<c>RENOVATE_DRY_RUN=lookup</c>) against the seeded registries, run once.</summary>
    public Task<RenovateLog> LookupAsync() =>
        _lookup ??= RenovateCli.RunAsync(
            Repository,
            "lookup",
            _folder.Combine("renovate-lookup"),
            WriteGlobalConfig(),
            CancellationToken.None
        );

    /// <summary><c>Bump --dry-run --format json</c> on the first stage against the same registries, run once.</summary>
    public Task<JsonDocument> BumpPlanAsync() =>
        _plan ??= RunJsonAsync(
            [
                "Bump",
                "--dry-run",
                "--format",
                "json",
                .. _registries.SelectMany(host => new[] { "--registry-mirror", $"{host}={MirrorOf(host)}" }),
                .. _helmPaths.SelectMany(p => new[] { "--helm-repository-mirror", $"{p.Key}={HelmUrl(p.Key)}" }),
            ],
            "bump.json"
        );

    /// <summary>Renovate's dependencies in files under <c>kubernetes/</c>, from its "Extracted dependencies" record.</summary>
    public static IReadOnlyList<RenovateDependency> Dependencies(RenovateLog log)
    {
        var packageFiles = log.Single("Extracted dependencies").GetProperty("packageFiles");
        return (
            from manager in packageFiles.EnumerateObject()
            from file in manager.Value.EnumerateArray()
            let path = Text(file, "packageFile")
            where path.StartsWith("kubernetes/", StringComparison.Ordinal)
            from dep in file.GetProperty("deps").EnumerateArray()
            select new RenovateDependency(
                path,
                Optional(dep, "depType") ?? "",
                Optional(dep, "depName") ?? "",
                Optional(dep, "datasource") ?? "",
                Optional(dep, "currentValue") ?? "",
                Optional(dep, "currentDigest"),
                dep.TryGetProperty("registryUrls", out var urls) ? urls[0].GetString()!.TrimEnd('/') : null
            )
        ).ToList();
    }

    /// <summary>
    /// The updates Renovate would commit, one "generateBranchConfig" record (trace level) per branch: what is
    /// left after Renovate drops disabled updates (e.g. majors) and a second update of one dependency on one
    /// branch (a digest update beside a version update; lib/workers/repository/updates/{flatten,branchify}.ts).
    /// </summary>
    public static IReadOnlyList<RenovateUpdate> Updates(RenovateLog log) =>
        (
            from branch in log.Messages("generateBranchConfig")
            from upgrade in branch.GetProperty("config").EnumerateArray()
            let path = Text(upgrade, "packageFile")
            where path.StartsWith("kubernetes/", StringComparison.Ordinal)
            let newValue = Text(upgrade, "newValue")
            select new RenovateUpdate(
                Text(upgrade, "branchName"),
                path,
                Optional(upgrade, "depType") ?? "",
                Text(upgrade, "depName"),
                Optional(upgrade, "newDigest") is { } digest ? $"{newValue}@{digest}" : newValue,
                Text(upgrade, "updateType")
            )
        ).ToList();

    public static string Text(JsonElement element, string name) => Optional(element, name) ?? "";

    public static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>The OCI repository of a pin's source without tag or digest, e.g. <c>ghcr.io/home-operations/actions-runner</c>.</summary>
    public static string OciName(JsonElement pin)
    {
        var reference = OciReference.Parse(Text(pin, "source")).WithoutVersion();
        return $"{reference.Registry}/{reference.Repository}";
    }

    private IEnumerable<string> _registries =>
        FirstStagePins()
            .Where(p => Text(p, "kind") is "helm-oci" or "image")
            .Select(p => OciReference.Parse(Text(p, "source")).Registry)
            .Distinct(StringComparer.Ordinal);

    /// <summary>The seeded registry holds <c>ghcr.io/x/y</c> as repository <c>ghcr.io/x/y</c>: the host is the first path segment.</summary>
    private string MirrorOf(string host) => $"http://{_registry!.Authority}/{host}";

    private string HelmUrl(string repository) => $"{_helm!.BaseUri}{_helmPaths[repository]}/";

    private void CopyRepository()
    {
        var source = RepositoryRoot.Path;
        DirectoryCopy.Tree(Path.Combine(source, "kubernetes"), Path.Combine(Repository, "kubernetes"));
        DirectoryCopy.Tree(Path.Combine(source, ".github"), Path.Combine(Repository, ".github"));
        File.Copy(Path.Combine(source, "renovate.json"), Path.Combine(Repository, "renovate.json"));
        LibGit2Sharp.Repository.Init(Repository);
        using var repo = new LibGit2Sharp.Repository(Repository);
        Commands.Stage(repo, "*");
        var signature = new Signature("Test", "test@example.invalid", DateTimeOffset.UnixEpoch);
        repo.Commit("This repository's desired state and Renovate configuration", signature, signature);
    }

    private async Task SeedAsync(RegistryPusher pusher, JsonElement pin)
    {
        var versions = Seeded(Text(pin, "version"));
        switch (Text(pin, "kind"))
        {
            case "helm-oci":
                foreach (var version in versions)
                {
                    await pusher.PushHelmChartAsync(OciName(pin), version);
                }

                break;
            case "image":
                // A different platform set per tag, so that each tag has its own digest.
                string[][] platforms =
                [
                    ["amd64", "arm64"],
                    ["amd64"],
                    ["arm64"],
                    ["amd64", "s390x"],
                    ["s390x"],
                ];
                foreach (var (version, index) in versions.Select((v, i) => (v, i)))
                {
                    await pusher.PushIndexAsync(OciName(pin), version, docker: false, platforms[index]);
                }

                break;
            case "helm-http":
                var repository = Text(pin, "source");
                _helmPaths.TryAdd(repository, $"repo{_helmPaths.Count}");
                _helmCharts[$"{repository}#{Text(pin, "component")}"] = versions;
                break;
        }
    }

    /// <summary>The current version and a newer patch, minor, major and pre-release of it.</summary>
    private static List<string> Seeded(string current)
    {
        var version = SemanticVersion.Parse(current.TrimStart('v'));
        var (major, minor, patch) = (version.Major, version.Minor, version.Patch);
        return
        [
            current,
            $"{major}.{minor}.{patch + 1}",
            $"{major}.{minor + 1}.0",
            $"{major + 1}.0.0",
            $"{major}.{minor + 1}.1-rc.1",
        ];
    }

    private Task ServeHelmIndexAsync(HttpContext context)
    {
        var repository = _helmPaths.FirstOrDefault(p => context.Request.Path == $"/{p.Value}/index.yaml").Key;
        if (repository is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        var index = new StringBuilder("apiVersion: v1\nentries:\n");
        foreach (
            var (key, versions) in _helmCharts.Where(c => c.Key.StartsWith(repository + "#", StringComparison.Ordinal))
        )
        {
            var chart = key[(repository.Length + 1)..];
            index.Append($"  {chart}:\n");
            foreach (var version in versions)
            {
                index.Append(
                    $"    - apiVersion: v2\n      name: {chart}\n      version: {version}\n      created: 2026-01-01T00:00:00Z\n      urls: [{chart}-{version}.tgz]\n"
                );
            }
        }

        context.Response.ContentType = "application/x-yaml";
        return context.Response.WriteAsync(index.ToString());
    }

    /// <summary>
    /// Global configuration for the look-up run: the same registries Bump reads. Each OCI dependency's package
    /// name points into the seeded registry (plain HTTP on loopback), each Helm repository at the loopback
    /// index; workflow actions are left out (they would ask github.com).
    /// </summary>
    private string WriteGlobalConfig()
    {
        var rules = new JsonArray
        {
            new JsonObject { ["matchManagers"] = new JsonArray("github-actions"), ["enabled"] = false },
        };
        foreach (var pin in FirstStagePins().Where(p => Text(p, "kind") is "helm-oci" or "image"))
        {
            rules.Add(
                new JsonObject
                {
                    ["matchDatasources"] = new JsonArray("docker"),
                    ["matchPackageNames"] = new JsonArray(OciName(pin)),
                    ["overridePackageName"] = $"{_registry!.Authority}/{OciName(pin)}",
                }
            );
        }

        foreach (var repository in _helmPaths.Keys)
        {
            rules.Add(
                new JsonObject
                {
                    ["matchDatasources"] = new JsonArray("helm"),
                    ["registryUrls"] = new JsonArray(HelmUrl(repository)),
                }
            );
        }

        var config = new JsonObject
        {
            ["hostRules"] = new JsonArray(
                new JsonObject
                {
                    ["matchHost"] = _registry!.BaseUri.Host,
                    ["hostType"] = "docker",
                    ["insecureRegistry"] = true,
                }
            ),
            ["packageRules"] = rules,
        };
        var path = _folder.Combine("renovate-global.json");
        File.WriteAllText(path, config.ToJsonString());
        return path;
    }

    private async Task<JsonDocument> RunJsonAsync(IReadOnlyList<string> args, string outputName)
    {
        var output = _folder.Combine(outputName);
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_API_URL"] = _gitHub?.BaseAddress.AbsoluteUri ?? "http://127.0.0.1:9/",
            ["NO_COLOR"] = "1",
        };
        var run = await InProcessBuild.RunAsync(
            Repository,
            [.. args, "--output", output, "--registry-retries", "0"],
            environment
        );
        if (run.ExitCode != ExitCodes.Success)
        {
            throw new InvalidOperationException($"{string.Join(' ', args)} exited with {run.ExitCode}:\n{run.Output}");
        }

        return JsonDocument.Parse(await File.ReadAllTextAsync(output));
    }
}
