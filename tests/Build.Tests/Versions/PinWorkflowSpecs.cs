using GitOpsRunners.Promotion;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Versions.Editing;
using GitOpsRunners.Versions.Pins;
using GitOpsRunners.Versions.Planning;

namespace GitOpsRunners.Tests.Versions;

/// <summary>Inventory, planners and the file editor together on two clusters sharing one base.</summary>
public sealed class PinWorkflowSpecs : IDisposable
{
    private static readonly string AppYaml = ArcYaml.ScaleSetRelease(
        "runnerScaleSetName: \"${RUNNER_SCALE_SET_NAME}\"\n" + ArcYaml.RunnerTemplateValues
    );

    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    private static string VersionsYaml(string arc, string runner) =>
        "---\n# Version pins.\n"
        + ConfigMapYaml.Of(
            "cluster-versions",
            $"""
            # renovate: datasource=docker depName=ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set
            ARC_CHART_VERSION: "{arc}"
            # renovate: datasource=docker depName=ghcr.io/home-operations/actions-runner
            RUNNER_IMAGE: "{runner}"
            """
        );

    private static string SettingsYaml(string cluster) =>
        ConfigMapYaml.Of("cluster-settings", $"RUNNER_SCALE_SET_NAME: \"arc-runners-{cluster}\"");

    private async Task<IReadOnlyList<VersionPin>> PinsAsync(string cluster, string arc, string runner)
    {
        var tree = new SourceTree(_root, cluster)
            .Add(
                ArcYaml.VersionsFile(cluster),
                VersionsYaml(arc, runner).Replace("\n", "\r\n", StringComparison.Ordinal),
                "flux-system/apps"
            )
            .Add(ArcYaml.SettingsFile(cluster), SettingsYaml(cluster), "flux-system/apps")
            .Add(ArcYaml.KustomizationFile, ArcYaml.Kustomization(), "flux-system/apps")
            .Add(
                ArcYaml.AppFile,
                AppYaml,
                "flux-system/arc",
                new Dictionary<string, string>
                {
                    ["ARC_CHART_VERSION"] = arc,
                    ["RUNNER_IMAGE"] = runner,
                    ["RUNNER_SCALE_SET_NAME"] = $"arc-runners-{cluster}",
                }
            );
        var sources = await new PinSourceReader(_root.Path).ReadAsync(tree.Cluster, CancellationToken.None);
        return PinInventory.Find(tree.Cluster, sources);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_bump_edits_only_the_version_values_of_the_first_stage_overlay()
    {
        // Arrange
        var pins = await PinsAsync("tst", "0.14.2", "2.337.0@sha256:aaa");
        var available = new Dictionary<PinKey, AvailableVersions>
        {
            [pins.Single(p => p.Component == "gha-runner-scale-set-controller").Key] = new(["0.14.2", "0.15.0"]),
            [pins.Single(p => p.Component == "gha-runner-scale-set").Key] = new(["0.14.2", "0.15.0"]),
            [pins.Single(p => p.Kind == PinKind.ContainerImage).Key] = new(
                ["2.337.0", "2.338.0"],
                new Dictionary<string, string> { ["2.338.0"] = "sha256:ccc" }
            ),
        };
        var before = File.ReadAllText(_root.Combine(ArcYaml.VersionsFile("tst")));

        // Act
        var plan = BumpPlanner.Plan(pins, available, new BumpPolicy());
        var changed = await new YamlFileEditor(_root.Path).ApplyAsync(plan.Edits, CancellationToken.None);

        // Assert
        changed.Should().Equal(ArcYaml.VersionsFile("tst"));
        File.ReadAllText(_root.Combine(ArcYaml.VersionsFile("tst")))
            .Should()
            .Be(
                before
                    .Replace("\"0.14.2\"", "\"0.15.0\"", StringComparison.Ordinal)
                    .Replace("\"2.337.0@sha256:aaa\"", "\"2.338.0@sha256:ccc\"", StringComparison.Ordinal)
            );
    }

    [Fact(Timeout = 20_000)]
    public async Task A_promotion_moves_pins_to_the_next_cluster_and_never_its_settings()
    {
        // Arrange
        var tst = await PinsAsync("tst", "0.15.0", "2.338.0@sha256:ccc");
        var prd = await PinsAsync("prd", "0.14.2", "2.337.0@sha256:aaa");
        var settingsBefore = File.ReadAllText(_root.Combine(ArcYaml.SettingsFile("prd")));

        // Act
        var plan = PromotionPlanner.Plan(tst, prd, null);
        await new YamlFileEditor(_root.Path).ApplyAsync(plan.Edits, CancellationToken.None);

        // Assert
        plan.Edits.Select(e => e.File).Should().Equal(ArcYaml.VersionsFile("prd"));
        File.ReadAllText(_root.Combine(ArcYaml.VersionsFile("prd")))
            .Should()
            .Be(VersionsYaml("0.15.0", "2.338.0@sha256:ccc").Replace("\n", "\r\n", StringComparison.Ordinal));
        File.ReadAllText(_root.Combine(ArcYaml.SettingsFile("prd"))).Should().Be(settingsBefore);
        File.ReadAllText(_root.Combine(ArcYaml.VersionsFile("tst"))).Should().Contain("\"0.15.0\"");
    }

    [Fact(Timeout = 20_000)]
    public async Task Edits_planned_against_an_older_file_are_refused_and_nothing_is_written()
    {
        // Arrange
        var tst = await PinsAsync("tst", "0.15.0", "2.338.0@sha256:ccc");
        var prd = await PinsAsync("prd", "0.14.2", "2.337.0@sha256:aaa");
        var plan = PromotionPlanner.Plan(tst, prd, null);
        var file = _root.Combine(ArcYaml.VersionsFile("prd"));
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"0.14.2\"", "\"0.14.3\"", StringComparison.Ordinal));
        var before = File.ReadAllText(file);

        // Act
        var act = () => new YamlFileEditor(_root.Path).ApplyAsync(plan.Edits, CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<YamlEditException>()).WithMessage(
            $"{ArcYaml.VersionsFile("prd")}:10: *holds '0.14.3', not the expected '0.14.2'*"
        );
        File.ReadAllText(file).Should().Be(before);
    }
}
