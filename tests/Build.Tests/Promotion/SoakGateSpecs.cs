using GitOpsRunners.Diagnostics;
using GitOpsRunners.Engine;
using GitOpsRunners.Git;
using GitOpsRunners.Manifests;
using GitOpsRunners.Promotion;
using GitOpsRunners.Versions.Pins;

namespace GitOpsRunners.Tests.Promotion;

public sealed class SoakGateSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static PinArrival Arrival(string variable, DateTimeOffset? when) =>
        new(
            new VersionPin(
                "tst",
                variable.ToLowerInvariant(),
                PinKind.HelmChartOci,
                "oci://x",
                "1.0.0",
                null,
                new SourceLocation("v.yaml", 3),
                variable
            ),
            when is { } at ? new FileRevision(new string('a', 40), at, "Bump") : null
        );

    [Fact]
    public void The_clock_starts_when_the_last_pin_arrived_and_names_the_time_promotion_becomes_possible()
    {
        // Act
        var result = SoakGate.Evaluate(
            [Arrival("A", Now.AddDays(-5)), Arrival("B", Now.AddHours(-6))],
            TimeSpan.FromDays(1),
            Now,
            "main"
        );

        // Assert
        result.Passed.Should().BeFalse();
        result.Summary.Should().Contain("promotion becomes possible at 2026-03-11 06:00 UTC (in 18h)");
        result.Context.Should().Be("promotion/soak");
    }

    [Fact]
    public void Pins_on_the_branch_for_the_minimum_pass()
    {
        // Act
        var result = SoakGate.Evaluate([Arrival("A", Now.AddDays(-2))], TimeSpan.FromDays(2), Now, "main");

        // Assert
        result.Passed.Should().BeTrue();
        result
            .Details.Should()
            .ContainSingle()
            .Which.Should()
            .StartWith("A = 1.0.0 on main since 2026-03-08 12:00 UTC");
    }

    [Fact]
    public void A_pin_not_on_the_default_branch_fails_whatever_the_minimum()
    {
        // Act
        var result = SoakGate.Evaluate([Arrival("A", Now.AddDays(-9)), Arrival("B", null)], TimeSpan.Zero, Now, "main");

        // Assert
        result.Passed.Should().BeFalse();
        result.Summary.Should().StartWith("B of tst not on main yet");
    }

    [Theory]
    [InlineData("3d", 72 * 60)]
    [InlineData("1d12h", 36 * 60)]
    [InlineData("90m", 90)]
    [InlineData("0s", 0)]
    public void Soak_durations_read_days_hours_minutes_and_seconds(string text, int minutes)
    {
        SoakDuration.Parse(text).Should().Be(TimeSpan.FromMinutes(minutes));
    }

    [Theory]
    [InlineData("")]
    [InlineData("3 days")]
    [InlineData("-1d")]
    [InlineData("1w")]
    public void A_soak_time_that_is_not_a_duration_is_a_usage_error(string text)
    {
        var act = () => SoakDuration.Parse(text);

        act.Should().Throw<UsageException>().WithMessage("--min-soak*e.g. 3d*");
    }

    [Fact]
    public void The_route_defaults_to_the_next_stage_and_names_one_branch()
    {
        // Arrange
        var order = PromotionOrder.Parse("stages: [tst, acc, prd]\n", "kubernetes/promotion.yaml");

        // Act
        var route = PromotionRoute.Resolve(order, "tst", null);

        // Assert
        route.Should().Be(new PromotionRoute("tst", "acc"));
        route.Branch.Should().Be("promote/tst-to-acc");
        var skip = () => PromotionRoute.Resolve(order, "tst", "prd");
        skip.Should().Throw<UsageException>().WithMessage("*skip acc*Promote to acc first*");
    }
}
