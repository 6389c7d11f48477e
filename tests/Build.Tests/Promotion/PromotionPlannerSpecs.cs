using GitOpsRunners.Promotion;
using GitOpsRunners.Versions.Pins;
using GitOpsRunners.Versions.Planning;
using static GitOpsRunners.Tests.Versions.Planning.TestPins;

namespace GitOpsRunners.Tests.Promotion;

public sealed class PromotionPlannerSpecs
{
    private static VersionPin[] Tst() => Pins("tst", "0.15.0", "2.9.0", "2.338.0", "sha256:ccc");

    /// <summary>A cluster's four pins: both ARC charts at <paramref name="arc"/>, External Secrets and the runner image.</summary>
    private static VersionPin[] Pins(string cluster, string arc, string eso, string runner, string digest) =>
        [
            Controller(arc, cluster: cluster),
            ScaleSet(arc, cluster: cluster),
            Eso(eso, cluster),
            Runner(runner, digest, cluster),
        ];

    [Fact]
    public void One_differing_pin_is_written_to_the_target_clusters_own_line()
    {
        // Arrange
        var prd = Pins("prd", "0.15.0", "2.8.0", "2.338.0", "sha256:ccc");

        // Act
        var plan = PromotionPlanner.Plan(Tst(), prd, null);

        // Assert
        (plan.From, plan.To)
            .Should()
            .Be(("tst", "prd"));
        var change = plan.Changes.Should().ContainSingle().Which;
        (change.Pin.Cluster, change.From, change.To, change.UpdateType)
            .Should()
            .Be(("prd", "2.8.0", "2.9.0", UpdateType.Minor));
        var edits = plan.Edits.Should().ContainSingle().Which;
        edits.File.Should().Be(File("prd"));
        edits.Edits.Single().Target.Path.Should().Be("data.ESO_CHART_VERSION");
        edits.Edits.Single().NewValue.Should().Be("2.9.0");
    }

    [Fact]
    public void All_differing_pins_move_and_a_shared_variable_is_edited_once()
    {
        // Arrange
        var prd = Pins("prd", "0.14.2", "2.8.0", "2.337.0", "sha256:aaa");

        // Act
        var plan = PromotionPlanner.Plan(Tst(), prd, null);

        // Assert
        plan.Groups.Select(g => g.Name).Should().Equal("arc", "external-secrets", RunnerImage);
        plan.Changes.Should().HaveCount(4);
        plan.Edits.Single()
            .Edits.Select(e => (e.Target.Path, e.NewValue))
            .Should()
            .Equal(
                ("data.ARC_CHART_VERSION", "0.15.0"),
                ("data.ESO_CHART_VERSION", "2.9.0"),
                ("data.RUNNER_IMAGE", "2.338.0@sha256:ccc")
            );
    }

    [Fact]
    public void A_digest_that_differs_for_the_same_tag_is_promoted_as_a_digest_update()
    {
        // Arrange
        VersionPin[] prd = [Runner("2.338.0", "sha256:old", "prd")];

        // Act
        var plan = PromotionPlanner.Plan(Tst(), prd, RunnerImage);

        // Assert
        var change = plan.Changes.Single();
        (change.UpdateType, change.FromDigest, change.ToDigest)
            .Should()
            .Be((UpdateType.Digest, "sha256:old", "sha256:ccc"));
    }

    [Theory]
    [InlineData("external-secrets", new[] { "external-secrets" })]
    [InlineData("gha-runner-scale-set-controller", new[] { "gha-runner-scale-set", "gha-runner-scale-set-controller" })]
    [InlineData("arc", new[] { "gha-runner-scale-set", "gha-runner-scale-set-controller" })]
    public void Only_narrows_the_promotion_and_keeps_the_ARC_charts_together(string only, string[] components)
    {
        // Arrange
        VersionPin[] prd =
        [
            Controller("0.14.2", "ARC_CONTROLLER_VERSION", "prd"),
            ScaleSet("0.14.2", "ARC_SCALE_SET_VERSION", "prd"),
            Eso("2.8.0", "prd"),
            Runner("2.337.0", "sha256:aaa", "prd"),
        ];
        VersionPin[] tst =
        [
            Controller("0.15.0", "ARC_CONTROLLER_VERSION"),
            ScaleSet("0.15.0", "ARC_SCALE_SET_VERSION"),
            Eso("2.9.0"),
            Runner("2.338.0", "sha256:ccc"),
        ];

        // Act
        var plan = PromotionPlanner.Plan(tst, prd, only);

        // Assert
        plan.Changes.Select(c => c.Pin.Component).Should().Equal(components);
        plan.Changes.Should().OnlyContain(c => c.Pin.Cluster == "prd");
    }

    [Fact]
    public void Equal_pins_give_an_empty_plan()
    {
        // Arrange
        var prd = Pins("prd", "0.15.0", "2.9.0", "2.338.0", "sha256:ccc");

        // Act
        var plan = PromotionPlanner.Plan(Tst(), prd, null);

        // Assert
        plan.IsEmpty.Should().BeTrue();
        plan.Changes.Should().BeEmpty();
        plan.Missing.Should().BeEmpty();
    }

    [Fact]
    public void A_pin_the_target_does_not_have_is_reported_and_not_invented()
    {
        // Arrange
        VersionPin[] prd = [Eso("2.8.0", "prd")];

        // Act
        var plan = PromotionPlanner.Plan(Tst(), prd, null);

        // Assert
        plan.Missing.Select(p => p.Component)
            .Should()
            .Equal("gha-runner-scale-set-controller", "gha-runner-scale-set", RunnerImage);
        plan.Edits.Single().Edits.Should().ContainSingle().Which.Target.Path.Should().Be("data.ESO_CHART_VERSION");
    }

    [Fact]
    public void A_downgrade_is_planned_but_noted()
    {
        // Arrange
        VersionPin[] prd = [Eso("3.0.0", "prd")];

        // Act
        var plan = PromotionPlanner.Plan([Eso("2.9.0")], prd, null);

        // Assert
        plan.Changes.Single().To.Should().Be("2.9.0");
        plan.Notes.Single().Should().Contain("goes down from 3.0.0 to 2.9.0");
    }
}
