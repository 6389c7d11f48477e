using System.Text.Json.Nodes;
using GitOpsRunners.Engine;
using GitOpsRunners.Tests.Fakes.Kubernetes;
using GitOpsRunners.Tests.Support;
using Newtonsoft.Json.Linq;

namespace GitOpsRunners.Tests.Validation.Schemas;

public class SchemasTargetSpecs
{
    private static readonly string WidgetCrd = ExampleCrd.Yaml(
        "Widget",
        ExampleCrd.SpecSchema(
            """
            properties:
              size: {type: integer}
            """
        )
    );

    [Fact]
    public async Task Schemas_from_a_crd_file_are_written_in_the_catalog_layout_with_closed_objects()
    {
        using var repo = RepositoryCopy.Empty();
        var crd = repo.Write("crds/widget.yaml", WidgetCrd);

        var (exitCode, output) = await SchemasToOutAsync(repo, "--crds", crd);

        exitCode.Should().Be(ExitCodes.Success, output);
        var schema = JObject.Parse(File.ReadAllText(repo.Combine("out/example.com/widget_v1.json")));
        schema.SelectToken("properties.spec.additionalProperties")!.Value<bool>().Should().BeFalse();
        output.Should().Contain("1 schema file(s) from 1 CustomResourceDefinition(s)");
    }

    [Fact]
    public async Task Schemas_from_a_live_cluster_read_its_custom_resource_definitions()
    {
        using var repo = RepositoryCopy.Empty();
        await using var server = await KubernetesApiServer.StartAsync();
        var crd = CrdFixtures.Crd("example.com", "Widget", "widgets", ["v1"]);
        crd["spec"]!["versions"]![0]!["schema"] = JsonNode.Parse(
            """
            {"openAPIV3Schema": {"type": "object", "properties": {"spec": {"type": "object", "properties": {"size": {"type": "integer"}}}}}}
            """
        );
        server.Add(crd);
        var kubeconfig = server.WriteKubeconfig(repo.Combine("kubeconfig"));

        var (exitCode, output) = await SchemasToOutAsync(
            repo,
            "--from-cluster",
            "--kubeconfig",
            kubeconfig,
            "--schema-layout",
            "KindVersion"
        );

        exitCode.Should().Be(ExitCodes.Success, output);
        File.Exists(repo.Combine("out/widget_v1.json")).Should().BeTrue();
    }

    [Fact]
    public async Task Without_any_crd_schemas_fails_saying_where_to_find_them()
    {
        using var repo = RepositoryCopy.Empty();
        repo.Write("crds/none.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");

        var (exitCode, output) = await SchemasToOutAsync(repo, "--crds", repo.Combine("crds"));

        exitCode.Should().Be(ExitCodes.TargetFailed);
        output.Should().Contain("No CustomResourceDefinitions found; pass --crds");
    }

    [Fact]
    public async Task A_missing_crd_path_is_a_usage_error()
    {
        using var repo = RepositoryCopy.Empty();

        var (exitCode, output) = await InProcessBuild.RunAsync(repo, "Schemas", "--crds", repo.Combine("nope.yaml"));

        exitCode.Should().Be(ExitCodes.Usage);
        output.Should().Contain("no such file or folder");
    }

    /// <summary>Runs the Schemas target in <paramref name="repo"/> with <paramref name="args"/>, writing to its <c>out</c> folder.</summary>
    private static Task<BuildRun> SchemasToOutAsync(TempDirectory repo, params string[] args) =>
        InProcessBuild.RunAsync(repo, ["Schemas", .. args, "--schema-output", repo.Combine("out")]);
}
