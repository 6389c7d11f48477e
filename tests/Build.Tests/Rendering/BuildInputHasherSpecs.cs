using System.Collections.Concurrent;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tests.Support;

namespace GitOpsRunners.Tests.Rendering;

/// <summary>
/// The build cache key covers everything kustomize can read: each input kind below changes the key when its file
/// changes, a file no field names does not, and a build that can reach the network or leave the source has no key.
/// </summary>
public sealed class BuildInputHasherSpecs : IDisposable
{
    private const string Tool = "kubectl\n1\n2\nkustomize --load-restrictor=LoadRestrictionsNone";
    private readonly TempDirectory _source = new();

    public BuildInputHasherSpecs()
    {
        _source.Write("app/deployment.yaml", "kind: Deployment\n");
        _source.Write("app/unrelated/notes.yaml", "kind: Note\n");
        _source.Write("base/kustomization.yaml", "resources: [service.yaml, deeper]\n");
        _source.Write("base/service.yaml", "kind: Service\n");
        _source.Write("base/deeper/kustomization.yaml", "resources: [cm.yaml]\n");
        _source.Write("base/deeper/cm.yaml", "kind: ConfigMap\n");
        _source.Write("component/kustomization.yaml", "kind: Component\npatches: [{path: p.yaml}]\n");
        _source.Write("component/p.yaml", "kind: Deployment\n");
        _source.Write("patches/patch.yaml", "kind: Deployment\n");
        _source.Write("patches/json.yaml", "- op: add\n");
        _source.Write("data/settings.properties", "a=1\n");
        _source.Write("data/app.env", "B=2\n");
        _source.Write("config/names.yaml", "nameReference: []\n");
        _source.Write("config/openapi.json", "{}\n");
        _source.Write("config/replacement.yaml", "source: {kind: ConfigMap}\n");
        _source.Write("config/crd.yaml", "kind: CustomResourceDefinition\n");
        _source.Write("plugins/labels.yaml", "kind: LabelTransformer\nfieldSpecs: []\n");
        _source.Write("plugins/patch-transformer.yaml", "kind: PatchTransformer\npath: ../patches/by-plugin.yaml\n");
        _source.Write("patches/by-plugin.yaml", "kind: Deployment\n");
        _source.Write("plain/one.yaml", "kind: ConfigMap\n");
        _source.Write("plain/nested/two.yaml", "kind: ConfigMap\n");
    }

    public static TheoryData<string, string> InputKinds =>
        new()
        {
            { "resources: [deployment.yaml]", "app/deployment.yaml" },
            { "resources: [../base]", "base/service.yaml" },
            { "resources: [../base]", "base/deeper/cm.yaml" },
            { "resources: [../base]", "base/kustomization.yaml" },
            { "resources: [../plain]", "plain/nested/two.yaml" },
            { "bases: [../base]", "base/service.yaml" },
            { "components: [../component]", "component/p.yaml" },
            { "patches: [{path: ../patches/patch.yaml}]", "patches/patch.yaml" },
            { "patchesStrategicMerge: [../patches/patch.yaml]", "patches/patch.yaml" },
            { "patchesJson6902: [{path: ../patches/json.yaml, target: {kind: Deployment}}]", "patches/json.yaml" },
            { "configMapGenerator: [{name: s, files: [../data/settings.properties]}]", "data/settings.properties" },
            { "configMapGenerator: [{name: s, files: [key=../data/settings.properties]}]", "data/settings.properties" },
            { "configMapGenerator: [{name: s, envs: [../data/app.env]}]", "data/app.env" },
            { "secretGenerator: [{name: s, files: [../data/settings.properties]}]", "data/settings.properties" },
            { "secretGenerator: [{name: s, env: ../data/app.env}]", "data/app.env" },
            { "configurations: [../config/names.yaml]", "config/names.yaml" },
            { "openapi: {path: ../config/openapi.json}", "config/openapi.json" },
            { "replacements: [{path: ../config/replacement.yaml}]", "config/replacement.yaml" },
            { "crds: [../config/crd.yaml]", "config/crd.yaml" },
            { "transformers: [../plugins/labels.yaml]", "plugins/labels.yaml" },
            { "transformers: [../plugins/patch-transformer.yaml]", "patches/by-plugin.yaml" },
            { "generators: [../plugins/labels.yaml]", "plugins/labels.yaml" },
            { "resources: [deployment.yaml]", "app/other-file-in-the-built-folder.yaml" },
        };

    [Theory]
    [MemberData(nameof(InputKinds))]
    public void Changing_a_file_the_kustomization_can_read_changes_the_key(string kustomization, string file)
    {
        // Arrange
        var before = Key(kustomization);

        // Act
        _source.Write(
            file,
            file.EndsWith("kustomization.yaml", StringComparison.Ordinal) ? "namePrefix: x-\n" : "a: b\n"
        );

        // Assert
        Key(kustomization).Should().NotBe(before);
    }

    [Fact]
    public void A_file_no_field_names_outside_the_built_folder_leaves_the_key_alone()
    {
        // Arrange
        var before = Key("resources: [deployment.yaml, ../base]");

        // Act
        _source.Write("app/unrelated/notes.yaml", "changed: true\n");
        _source.Write("patches/patch.yaml", "changed: true\n");
        _source.Write("elsewhere/new.yaml", "kind: Secret\n");

        // Assert
        Key("resources: [deployment.yaml, ../base]").Should().Be(before);
    }

    [Fact]
    public void The_fields_flux_merges_into_the_kustomization_change_the_key()
    {
        // Act
        var plain = Key("resources: [deployment.yaml]");
        var withNamespace = Key("resources: [deployment.yaml]\nnamespace: apps");

        // Assert
        withNamespace.Should().NotBe(plain);
    }

    [Fact]
    public void Another_tool_version_or_flag_changes_the_key()
    {
        // Act
        var plain = Key("resources: [deployment.yaml]");
        var otherTool = Key(
            "resources: [deployment.yaml]",
            tool: Tool.Replace("\n1\n", "\n9\n", StringComparison.Ordinal)
        );
        var otherFlags = Key("resources: [deployment.yaml]", tool: Tool + " --enable-helm");

        // Assert
        otherTool.Should().NotBe(plain);
        otherFlags.Should().NotBe(plain).And.NotBe(otherTool);
    }

    [Fact]
    public void The_same_inputs_give_the_same_key_in_another_run()
    {
        // Act
        var first = Key("resources: [deployment.yaml, ../base]\ncomponents: [../component]");
        var second = new BuildInputHasher(new ConcurrentDictionary<string, string>()).Compute(
            Build("resources: [deployment.yaml, ../base]\ncomponents: [../component]"),
            Tool
        );

        // Assert
        second.Value.Should().Be(first);
    }

    [Theory]
    [InlineData("resources: [https://github.com/org/repo//deploy?ref=v1]", "network")]
    [InlineData("resources: [github.com/org/repo/deploy?ref=v1]", "no file here")]
    [InlineData("resources: [../../outside.yaml]", "outside its source")]
    [InlineData("helmCharts: [{name: web, repo: https://charts.example.org}]", "Helm")]
    [InlineData("resources: [deployment.yaml]\nsomeFutureField: [x.yaml]", "someFutureField")]
    [InlineData("transformers: [\"kind: HelmChartInflationGenerator\\nname: x\\n\"]", "network")]
    public void A_build_that_can_reach_the_network_or_leave_the_source_is_not_cached(
        string kustomization,
        string reason
    )
    {
        // Act
        var key = new BuildInputHasher(new ConcurrentDictionary<string, string>()).Compute(Build(kustomization), Tool);

        // Assert
        key.Value.Should().BeNull();
        key.Uncacheable.Should().Contain(reason);
    }

    public void Dispose() => _source.Dispose();

    private string? Key(string kustomization, string tool = Tool)
    {
        var key = new BuildInputHasher(new ConcurrentDictionary<string, string>()).Compute(Build(kustomization), tool);
        key.Uncacheable.Should().BeNull();
        return key.Value;
    }

    private KustomizationBuild Build(string kustomization) =>
        new(
            new SourceArtifact("worktree", _source.Path, p => p),
            "app",
            "kustomization.yaml",
            "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n" + kustomization + "\n"
        );
}
