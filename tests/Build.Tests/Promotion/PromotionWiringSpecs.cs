using System.Text.RegularExpressions;
using GitOpsRunners.Engine;
using GitOpsRunners.Git;
using GitOpsRunners.Manifests;
using GitOpsRunners.Promotion;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tools;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Tests.Promotion;

/// <summary>
/// The promote workflow and the first stage's Flux notification objects agree: what the Alert can send is what the
/// workflow listens to, and the payload fields the workflow reads are the ones Flux and the Alert set.
/// </summary>
public sealed partial class PromotionWiringSpecs
{
    private const string Workflow = ".github/workflows/promote.yml";

    /// <summary>Top-level fields of a Flux event, which the githubdispatch provider sends as client_payload.</summary>
    private static readonly string[] EventFields =
    [
        "involvedObject",
        "severity",
        "timestamp",
        "message",
        "reason",
        "metadata",
        "reportingController",
        "reportingInstance",
    ];

    private static readonly string Root = RepositoryRoot.Path;

    private static readonly Lazy<Task<RenderedCluster>> FirstStage = new(RenderFirstStageAsync);

    [Fact(Timeout = 60_000)]
    public async Task The_workflow_listens_to_every_event_type_the_alert_can_emit_and_to_no_other()
    {
        // Arrange
        var cluster = await FirstStage.Value;
        var alert = Single(cluster, "Alert");
        var emitted = cluster
            .Objects.Select(o => o.Manifest)
            .Where(m => Watches(alert, m))
            .Select(m => $"{m.Kind}/{m.Name}.{m.Namespace}")
            .Order(StringComparer.Ordinal)
            .ToList();

        // Act
        var types = WorkflowRoot()
            .SequenceAt("on", "repository_dispatch", "types")!
            .Children.Select(n => ((YamlScalarNode)n).Value!)
            .Order(StringComparer.Ordinal)
            .ToList();

        // Assert
        emitted.Should().NotBeEmpty();
        types.Should().Equal(emitted);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_metadata_the_workflow_reads_is_set_by_the_alert_and_names_a_stage_with_a_next_one()
    {
        // Arrange
        var cluster = await FirstStage.Value;
        var metadata = Single(cluster, "Alert").Body.MappingAt("spec", "eventMetadata").StringMap();
        var text = File.ReadAllText(Path.Combine(Root, Workflow));

        // Act
        var read = MetadataKey().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
        var fields = PayloadField()
            .Matches(text)
            .Select(m => m.Groups[1].Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        // Assert
        read.Should().Contain("cluster");
        metadata.Keys.Should().Contain(read);
        EventFields.Should().Contain(fields);
        var order = PromotionOrder.Load(Root, "kubernetes");
        metadata["cluster"].Should().Be(cluster.Name);
        order.Next(metadata["cluster"]).Should().NotBeNull();
    }

    [Fact(Timeout = 60_000)]
    public async Task The_provider_dispatches_to_this_repository_and_the_alert_uses_it()
    {
        // Arrange
        var cluster = await FirstStage.Value;
        var provider = Single(cluster, "Provider");
        var alert = Single(cluster, "Alert");
        var solution = Path.GetFileNameWithoutExtension(Directory.EnumerateFiles(Root, "*.slnx").Single());

        // Act
        var parsed = GitHubRepository.TryParseRemoteUrl(provider.Body.ScalarAt("spec", "address"), out var repository);

        // Assert
        provider.Body.ScalarAt("spec", "type").Should().Be("githubdispatch");
        alert.Body.ScalarAt("spec", "providerRef", "name").Should().Be(provider.Name);
        alert.Namespace.Should().Be(provider.Namespace);
        parsed.Should().BeTrue();
        repository!.Name.Should().Be(solution);
        alert
            .Body.SequenceAt("spec", "inclusionList")!
            .Children.Select(n => ((YamlScalarNode)n).Value)
            .Should()
            .ContainSingle()
            .Which.Should()
            .Match("*upgrade*succeeded*");
    }

    [Fact]
    public void The_workflow_smokes_the_source_and_then_promotes_with_a_pull_request_behind_the_health_gate()
    {
        // Arrange
        var steps = WorkflowRoot()
            .SequenceAt("jobs", "promote", "steps")!
            .Children.Select(s => s.ScalarAt("run") ?? "")
            .ToList();

        // Act
        var smoke = steps.FindIndex(s => s.Contains("./build.sh Smoke", StringComparison.Ordinal));
        var promote = steps.FindIndex(s => s.Contains("Promote --from", StringComparison.Ordinal));

        // Assert
        smoke.Should().BeGreaterThan(-1);
        promote.Should().BeGreaterThan(smoke);
        steps[promote].Should().Contain("--pr").And.Contain("--require-healthy").And.Contain("--from-kubeconfig");
        WorkflowRoot()
            .MappingAt("on", "workflow_dispatch", "inputs")!
            .Children.Keys.Select(k => ((YamlScalarNode)k).Value)
            .Should()
            .Equal("from", "to", "only");
    }

    private static bool Watches(Manifest alert, Manifest candidate) =>
        alert
            .Body.SequenceAt("spec", "eventSources")!
            .Children.Any(source =>
                source.ScalarAt("kind") == candidate.Kind
                && (source.ScalarAt("name") is "*" || source.ScalarAt("name") == candidate.Name)
                && (source.ScalarAt("namespace") ?? alert.Namespace) == candidate.Namespace
            );

    private static Manifest Single(RenderedCluster cluster, string kind) =>
        cluster
            .Objects.Select(o => o.Manifest)
            .Single(m =>
                m.Kind == kind
                && m.ApiVersion.StartsWith("notification.toolkit.fluxcd.io/", StringComparison.Ordinal)
                && (kind != "Alert" || m.Body.ScalarAt("spec", "providerRef", "name") == "github-dispatch")
                && (kind != "Provider" || m.Body.ScalarAt("spec", "type") == "githubdispatch")
            );

    private static YamlMappingNode WorkflowRoot()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Root, Workflow))));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static async Task<RenderedCluster> RenderFirstStageAsync()
    {
        using var renderer = new FluxRenderer(KustomizeCli.Locate());
        var order = PromotionOrder.Load(Root, "kubernetes");
        return await renderer.RenderAsync(
            new RepositoryLayout(Root, "kubernetes"),
            order.First,
            CancellationToken.None
        );
    }

    [GeneratedRegex(@"client_payload\.metadata\.([A-Za-z0-9_-]+)")]
    private static partial Regex MetadataKey();

    [GeneratedRegex(@"client_payload\.([A-Za-z0-9_]+)")]
    private static partial Regex PayloadField();
}
