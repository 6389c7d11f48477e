using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Versions.Editing;
using GitOpsRunners.Versions.Pins;
using GitOpsRunners.Versions.Planning;
using static GitOpsRunners.Tests.Versions.Planning.TestPins;

namespace GitOpsRunners.Tests.Versions.Planning;

public sealed class BumpPlannerSpecs
{
    private static BumpPlan Plan(
        IReadOnlyList<VersionPin> pins,
        BumpPolicy policy,
        params (VersionPin Pin, AvailableVersions Versions)[] available
    ) => BumpPlanner.Plan(pins, available.ToDictionary(a => a.Pin.Key, a => a.Versions), policy);

    /// <summary>Plans the ARC charts pinned by a variable each: the controller at 0.15.0, the scale set at 0.14.2.</summary>
    private static BumpPlan PlanMisalignedArc(AvailableVersions controllerTags, AvailableVersions scaleSetTags)
    {
        var controller = Controller("0.15.0", "ARC_CONTROLLER_VERSION");
        var scaleSet = ScaleSet("0.14.2", "ARC_SCALE_SET_VERSION");
        return Plan([controller, scaleSet], new BumpPolicy(), (controller, controllerTags), (scaleSet, scaleSetTags));
    }

    /// <summary>Plans the runner image pinned at 2.337.0 with digest <c>sha256:aaa</c> against <paramref name="tags"/>.</summary>
    private static BumpPlan PlanRunner(AvailableVersions tags)
    {
        var runner = Runner("2.337.0", "sha256:aaa");
        return Plan([runner], new BumpPolicy(), (runner, tags));
    }

    [Theory]
    [InlineData(VersionBump.Patch, "1.2.4", UpdateType.Patch)]
    [InlineData(VersionBump.Minor, "1.3.1", UpdateType.Minor)]
    [InlineData(VersionBump.Major, "2.0.0", UpdateType.Major)]
    public void The_highest_version_the_policy_allows_is_chosen(VersionBump allow, string expected, UpdateType type)
    {
        // Arrange
        var eso = Eso("1.2.3");

        // Act
        var plan = Plan([eso], new BumpPolicy(allow), (eso, Tags("1.2.2", "1.2.4", "1.3.0", "1.3.1", "2.0.0")));

        // Assert
        var change = plan.Changes.Should().ContainSingle().Which;
        (change.From, change.To, change.UpdateType).Should().Be(("1.2.3", expected, type));
        plan.Edits.Should()
            .ContainSingle()
            .Which.Should()
            .BeEquivalentTo(
                new YamlFileEdit(
                    File("tst"),
                    [YamlEdit.Set(YamlScalarAddress.AtPath("data.ESO_CHART_VERSION"), expected, expected: "1.2.3")]
                )
            );
    }

    [Fact]
    public void Pre_releases_are_skipped_unless_allowed()
    {
        // Arrange
        var eso = Eso("1.2.3");
        var available = Tags("1.2.4", "1.3.0-rc.1");

        // Act
        var stable = Plan([eso], new BumpPolicy(), (eso, available));
        var withPreReleases = Plan([eso], new BumpPolicy(PreRelease: true), (eso, available));

        // Assert
        stable.Changes.Single().To.Should().Be("1.2.4");
        withPreReleases.Changes.Single().To.Should().Be("1.3.0-rc.1");
    }

    [Fact]
    public void A_pre_release_moves_to_the_next_pre_release_or_the_release_of_the_same_version_only()
    {
        // Arrange
        var eso = Eso("1.3.0-rc.1");

        // Act
        var toNextRc = Plan([eso], new BumpPolicy(), (eso, Tags("1.3.0-rc.2", "1.4.0-rc.1")));
        var toRelease = Plan([eso], new BumpPolicy(), (eso, Tags("1.3.0-rc.2", "1.3.0", "1.4.0-rc.1")));

        // Assert
        toNextRc.Changes.Single().To.Should().Be("1.3.0-rc.2");
        toRelease.Changes.Single().To.Should().Be("1.3.0");
    }

    [Fact]
    public void A_leading_v_is_kept_and_tags_that_are_not_versions_are_ignored()
    {
        // Arrange
        var eso = Eso("v1.2.3");

        // Act
        var plan = Plan([eso], new BumpPolicy(), (eso, Tags("latest", "1.9", "v1.2.4", "main-abc123", "1.2.4")));

        // Assert
        plan.Changes.Single().To.Should().Be("v1.2.4");
    }

    [Fact]
    public void The_ARC_charts_move_together_to_the_highest_version_both_have_and_their_shared_variable_is_edited_once()
    {
        // Arrange
        var controller = Controller("0.14.2");
        var scaleSet = ScaleSet("0.14.2");

        // Act
        var plan = Plan(
            [controller, scaleSet],
            new BumpPolicy(),
            (
                controller,
                Tags("0.14.2", "0.15.0", "0.16.0")
                    .Notes(
                        "0.15.0",
                        "https://github.com/actions/actions-runner-controller/releases/tag/gha-runner-scale-set-0.15.0"
                    )
            ),
            (scaleSet, Tags("0.14.2", "0.15.0"))
        );

        // Assert
        plan.Groups.Should().ContainSingle().Which.Name.Should().Be("arc");
        plan.Changes.Select(c => (c.Pin.Component, c.To, c.UpdateType))
            .Should()
            .Equal(
                ("gha-runner-scale-set", "0.15.0", UpdateType.Minor),
                ("gha-runner-scale-set-controller", "0.15.0", UpdateType.Minor)
            );
        plan.Changes.Last().ReleaseNotesUrl.Should().EndWith("gha-runner-scale-set-0.15.0");
        plan.Edits.Single().Edits.Should().ContainSingle().Which.NewValue.Should().Be("0.15.0");
    }

    [Fact]
    public void Misaligned_ARC_charts_are_aligned_on_the_newer_version()
    {
        // Act
        var plan = PlanMisalignedArc(controllerTags: Tags("0.14.2", "0.15.0"), scaleSetTags: Tags("0.14.2", "0.15.0"));

        // Assert
        var change = plan.Changes.Should().ContainSingle().Which;
        (change.Pin.Component, change.From, change.To).Should().Be(("gha-runner-scale-set", "0.14.2", "0.15.0"));
        plan.Edits.Single().Edits.Single().Target.Path.Should().Be("data.ARC_SCALE_SET_VERSION");
    }

    [Fact]
    public void ARC_charts_without_a_common_version_stay_and_the_plan_says_why()
    {
        // Act
        var plan = PlanMisalignedArc(controllerTags: Tags("0.15.0", "0.16.0"), scaleSetTags: Tags("0.14.2"));

        // Assert
        plan.IsEmpty.Should().BeTrue();
        plan.Notes.Should().ContainSingle().Which.Should().Contain("differ").And.Contain("align them by hand");
    }

    [Fact]
    public void A_new_runner_tag_is_written_with_its_digest()
    {
        // Act
        var plan = PlanRunner(
            Tags("2.337.0", "2.338.0").Digest("2.337.0", "sha256:aaa").Digest("2.338.0", "sha256:ccc")
        );

        // Assert
        var change = plan.Changes.Single();
        (change.To, change.FromDigest, change.ToDigest, change.UpdateType)
            .Should()
            .Be(("2.338.0", "sha256:aaa", "sha256:ccc", UpdateType.Minor));
        plan.Edits.Single()
            .Edits.Single()
            .Should()
            .Be(
                YamlEdit.Set(
                    YamlScalarAddress.AtPath("data.RUNNER_IMAGE"),
                    "2.338.0@sha256:ccc",
                    expected: "2.337.0@sha256:aaa"
                )
            );
    }

    [Fact]
    public void A_new_digest_for_the_same_tag_is_a_digest_update()
    {
        // Act
        var plan = PlanRunner(Tags("2.337.0").Digest("2.337.0", "sha256:bbb"));

        // Assert
        var change = plan.Changes.Single();
        (change.From, change.To, change.ToDigest, change.UpdateType)
            .Should()
            .Be(("2.337.0", "2.337.0", "sha256:bbb", UpdateType.Digest));
        plan.Edits.Single().Edits.Single().NewValue.Should().Be("2.337.0@sha256:bbb");
    }

    [Fact]
    public void A_newer_tag_without_a_digest_is_not_chosen_for_a_pin_that_records_one()
    {
        // Act
        var plan = PlanRunner(Tags("2.337.0", "2.338.0").Digest("2.337.0", "sha256:aaa"));

        // Assert
        plan.IsEmpty.Should().BeTrue();
        plan.Notes.Should().ContainSingle().Which.Should().Contain("2.338.0 has no known digest");
    }

    [Fact]
    public void Nothing_newer_gives_an_empty_plan()
    {
        // Arrange
        var eso = Eso("2.9.0");
        var runner = Runner("2.337.0", "sha256:aaa");

        // Act
        var plan = Plan(
            [eso, runner],
            new BumpPolicy(),
            (eso, Tags("2.8.0", "2.9.0")),
            (runner, Tags("2.337.0").Digest("2.337.0", "sha256:aaa"))
        );

        // Assert
        plan.IsEmpty.Should().BeTrue();
        plan.Groups.Should().BeEmpty();
        plan.Notes.Should().BeEmpty();
    }

    [Theory]
    [InlineData("external-secrets", new[] { "external-secrets" })]
    [InlineData("gha-runner-scale-set", new[] { "gha-runner-scale-set", "gha-runner-scale-set-controller" })]
    [InlineData("arc", new[] { "gha-runner-scale-set", "gha-runner-scale-set-controller" })]
    [InlineData("RUNNER_IMAGE", new[] { RunnerImage })]
    [InlineData("actions-runner", new[] { RunnerImage })]
    public void Only_narrows_the_bump_and_keeps_the_ARC_charts_together(string only, string[] components)
    {
        // Arrange
        VersionPin[] pins = [Controller("0.14.2"), ScaleSet("0.14.2"), Eso("2.8.0"), Runner("2.337.0", "sha256:aaa")];

        // Act
        var plan = Plan(
            pins,
            new BumpPolicy(Only: only),
            (pins[0], Tags("0.15.0")),
            (pins[1], Tags("0.15.0")),
            (pins[2], Tags("2.9.0")),
            (pins[3], Tags("2.338.0").Digest("2.338.0", "sha256:ccc"))
        );

        // Assert
        plan.Changes.Select(c => c.Pin.Component).Should().Equal(components);
    }

    [Fact]
    public void The_plan_is_the_same_whatever_the_order_of_the_pins()
    {
        // Arrange
        VersionPin[] pins = [Runner("2.337.0", "sha256:aaa"), Eso("2.8.0"), ScaleSet("0.14.2"), Controller("0.14.2")];
        var available = new Dictionary<PinKey, AvailableVersions>
        {
            [pins[0].Key] = Tags("2.338.0").Digest("2.338.0", "sha256:ccc"),
            [pins[1].Key] = Tags("2.9.0"),
            [pins[2].Key] = Tags("0.15.0"),
            [pins[3].Key] = Tags("0.15.0"),
        };

        // Act
        var forward = BumpPlanner.Plan(pins, available, new BumpPolicy());
        var backward = BumpPlanner.Plan(pins.Reverse().ToList(), available, new BumpPolicy());

        // Assert
        forward.Groups.Select(g => g.Name).Should().Equal("arc", "external-secrets", RunnerImage);
        backward.Changes.Should().Equal(forward.Changes);
        backward.Edits.Single().Edits.Should().Equal(forward.Edits.Single().Edits);
        forward
            .Edits.Single()
            .Edits.Select(e => e.Target.Path)
            .Should()
            .Equal("data.ARC_CHART_VERSION", "data.ESO_CHART_VERSION", "data.RUNNER_IMAGE");
    }

    [Fact]
    public void A_pin_without_available_versions_is_noted_and_left_alone()
    {
        // Arrange
        var eso = Eso("2.8.0");

        // Act
        var plan = BumpPlanner.Plan([eso], new Dictionary<PinKey, AvailableVersions>(), new BumpPolicy());

        // Assert
        plan.IsEmpty.Should().BeTrue();
        plan.Notes.Single()
            .Should()
            .StartWith(
                $"{File("tst")}:12:22: no available versions were given for https://charts.external-secrets.io external-secrets"
            );
    }

    [Fact]
    public void A_digest_kept_in_its_own_field_gets_its_own_edit()
    {
        // Arrange
        var manifests = new VersionPin(
            "tst",
            "manifests",
            PinKind.ContainerImage,
            "oci://ghcr.io/example/manifests",
            "2.0.0",
            "sha256:eee",
            new SourceLocation("sources.yaml", 9, 10)
        )
        {
            Field = "OCIRepository/manifests#spec.ref.tag",
            Site = new PinSite(
                new SourceLocation("sources.yaml", 9, 10),
                YamlScalarAddress.AtPath("spec.ref.tag"),
                "2.0.0",
                "2.0.0"
            ),
            DigestSite = new PinSite(
                new SourceLocation("sources.yaml", 10, 13),
                YamlScalarAddress.AtPath("spec.ref.digest"),
                "sha256:eee",
                "sha256:eee"
            ),
        };

        // Act
        var plan = Plan(
            [manifests],
            new BumpPolicy(),
            (manifests, Tags("2.0.0", "2.1.0").Digest("2.1.0", "sha256:fff"))
        );

        // Assert
        plan.Edits.Single()
            .Edits.Select(e => (e.Target.Path, e.NewValue))
            .Should()
            .Equal(("spec.ref.tag", "2.1.0"), ("spec.ref.digest", "sha256:fff"));
    }

    [Fact]
    public void A_pin_whose_source_line_is_unknown_is_noted_instead_of_edited()
    {
        // Arrange
        var eso = Eso("2.8.0") with
        {
            Site = null,
        };

        // Act
        var plan = Plan([eso], new BumpPolicy(), (eso, Tags("2.9.0")));

        // Assert
        plan.IsEmpty.Should().BeTrue();
        plan.Notes.Single()
            .Should()
            .Contain("external-secrets should move to 2.9.0 but the source line that sets it was not found");
    }
}
