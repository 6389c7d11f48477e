using System.Text.Json.Nodes;
using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Support;
using Spectre.Console.Testing;

namespace GitOpsRunners.Tests.Validation.Schemas;

/// <summary>
/// <c>Schemas --lock</c> pins the schemas a repository needs in <c>.nuke/schemas/</c>; Validate reads them first,
/// needs no network when they cover every kind, and reports kinds the lock lacks and files that changed.
/// </summary>
public sealed class SchemaLockSpecs : IDisposable
{
    /// <summary>Loopback port 9 (discard) refuses connections: any download attempt fails at once.</summary>
    private const string Unreachable = "http://127.0.0.1:9";

    private readonly TempDirectory _repo = new();
    private readonly TempDirectory _schemas = new();

    public SchemaLockSpecs()
    {
        _repo.Write(".nuke/parameters.json", "{}");
        _repo.Write("kubernetes/clusters/dev/apps.yaml", FluxYaml.Kustomization("apps", "./kubernetes/apps"));
        _repo.Write(
            "kubernetes/apps/kustomization.yaml",
            "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - namespace.yaml\n  - settings.yaml\n"
        );
        _repo.Write(
            "kubernetes/apps/namespace.yaml",
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n"
        );
        _repo.Write(
            "kubernetes/apps/settings.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: team\ndata:\n  LEVEL: info\n"
        );
        foreach (var (group, kind) in new[] { ("v1", "namespace"), ("v1", "configmap"), ("apps", "deployment") })
        {
            _schemas.Write($"{group}/{kind}_v1.json", ObjectSchema(kind));
        }

        _schemas.Write(
            "kustomize.toolkit.fluxcd.io/kustomization_v1.json",
            """{ "type": "object", "required": ["spec"] }"""
        );
    }

    public void Dispose()
    {
        _repo.Dispose();
        _schemas.Dispose();
    }

    private string LocalSchemas => _schemas.Combine("{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json");

    [Fact]
    public async Task Locking_pins_each_rendered_kind_with_its_source_and_sha256_and_keeps_nothing_else()
    {
        _repo.Write(".nuke/schemas/apps/old_v1.json", "{}");

        var (exitCode, output) = await RunAsync(["Schemas", "--lock"], LocalSchemas);

        exitCode.Should().Be(ExitCodes.Success, output);
        var entries = LockEntries();
        entries
            .Select(e => $"{e["apiVersion"]}/{e["kind"]}")
            .Should()
            .Equal("kustomize.toolkit.fluxcd.io/v1/Kustomization", "v1/ConfigMap", "v1/Namespace");
        foreach (var entry in entries)
        {
            var file = _repo.Combine(".nuke/schemas/" + (string)entry["file"]!);
            Convert
                .ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)))
                .Should()
                .Be((string)entry["sha256"]!);
            ((string)entry["source"]!["location"]!).Should().StartWith(_schemas.Path);
        }

        File.Exists(_repo.Combine(".nuke/schemas/apps/old_v1.json")).Should().BeFalse("only needed schemas are kept");
    }

    [Fact]
    public async Task Validate_with_a_covering_lock_needs_no_network_and_warns_that_renovate_was_not_checked()
    {
        await LockAsync();
        _repo.Write("renovate.json", """{ "extends": ["config:recommended"] }""");
        var offline = new Dictionary<string, string> { ["RENOVATE_SCHEMA"] = $"{Unreachable}/renovate-schema.json" };

        var (exitCode, output) = await RunAsync(["Validate"], $"{Unreachable}/{{{{.ResourceKind}}}}.json", offline);

        exitCode.Should().Be(ExitCodes.Success, output);
        output
            .Should()
            .Contain("warning renovate-schema renovate.json was not checked")
            .And.Contain("RENOVATE_SCHEMA")
            .And.Contain("0 errors");
    }

    [Fact]
    public async Task Without_the_lock_the_same_offline_run_fails_on_the_first_download()
    {
        var (exitCode, output) = await RunAsync(["Validate"], $"{Unreachable}/{{{{.ResourceKind}}}}.json");

        exitCode.Should().NotBe(ExitCodes.Success);
        output.Should().Contain("failed downloading schema");
    }

    [Fact]
    public async Task A_kind_the_lock_lacks_is_an_error_that_names_the_command_to_run()
    {
        await LockAsync();
        _repo.Write(
            "kubernetes/apps/web.yaml",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: team\nspec: {}\n"
        );
        File.AppendAllText(_repo.Combine("kubernetes/apps/kustomization.yaml"), "  - web.yaml\n");

        var (exitCode, output) = await RunAsync(["Validate"], $"{Unreachable}/{{{{.ResourceKind}}}}.json");

        exitCode.Should().Be(ExitCodes.TargetFailed, output);
        output
            .Should()
            .Contain(
                "kubernetes/apps/web.yaml:1: error schema-unlocked Deployment (apps/v1) has no schema in .nuke/schemas/lock.json"
            )
            .And.Contain("./build.sh Schemas --lock")
            .And.NotContain("failed downloading");
    }

    [Fact]
    public async Task A_pinned_schema_that_was_changed_is_an_error_at_its_lock_entry()
    {
        await LockAsync();
        var file = _repo.Combine(".nuke/schemas/v1/namespace_v1.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("object", "string"));

        var (exitCode, output) = await RunAsync(["Validate"], LocalSchemas);

        exitCode.Should().Be(ExitCodes.TargetFailed, output);
        var line = File.ReadAllLines(_repo.Combine(".nuke/schemas/lock.json"))
            .ToList()
            .FindIndex(l => l.Contains("\"v1/namespace_v1.json\"", StringComparison.Ordinal));
        output
            .Should()
            .Contain(
                $".nuke/schemas/lock.json:{line + 1}: error schema-lock .nuke/schemas/v1/namespace_v1.json does not match its sha256"
            )
            .And.NotContain("schema-missing");
    }

    [Fact]
    public async Task A_lock_for_another_kubernetes_version_is_reported_and_not_used()
    {
        await LockAsync();

        var (exitCode, output) = await RunAsync(["Validate", "--kubernetes-version", "1.35.0"], LocalSchemas);

        exitCode.Should().Be(ExitCodes.TargetFailed, output);
        output.Should().Contain("error schema-lock the schema lock pins Kubernetes 1.36.0, but this run checks 1.35.0");
    }

    [Fact]
    public async Task A_lock_that_is_not_json_is_an_error_with_its_line()
    {
        _repo.Write(".nuke/schemas/lock.json", "{\n  \"kubernetesVersion\": \"1.36.0\",\n  \"schemas\": [,]\n}\n");

        var (exitCode, output) = await RunAsync(["Validate"], LocalSchemas);

        exitCode.Should().Be(ExitCodes.TargetFailed, output);
        output.Should().Contain(".nuke/schemas/lock.json:3: not a valid schema lock").And.NotContain("   at ");
    }

    private async Task LockAsync()
    {
        var (exitCode, output) = await RunAsync(["Schemas", "--lock"], LocalSchemas);
        exitCode.Should().Be(ExitCodes.Success, output);
    }

    private List<JsonNode> LockEntries() =>
        [
            .. JsonNode.Parse(File.ReadAllText(_repo.Combine(".nuke/schemas/lock.json")))!["schemas"]!
                .AsArray()
                .OfType<JsonNode>(),
        ];

    private static string ObjectSchema(string kind) =>
        $$"""
            {
              "type": "object",
              "required": ["apiVersion", "kind", "metadata"],
              "properties": { "kind": { "type": "string" }, "metadata": { "type": "object" } },
              "x-kind": "{{kind}}"
            }
            """;

    private async Task<(int ExitCode, string Output)> RunAsync(
        string[] args,
        string schemaLocation,
        Dictionary<string, string>? environment = null
    )
    {
        using var console = new TestConsole().Width(400);
        environment ??= [];
        environment["SCHEMA_LOCATION"] = schemaLocation;
        var exitCode = await BuildRunner.RunAsync(
            new Build(),
            [.. args, "--repository-root", _repo.Path],
            new BuildEnvironment(console, environment, _repo.Path),
            CancellationToken.None
        );
        return (exitCode, console.Output);
    }
}
