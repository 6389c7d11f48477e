using GitOpsRunners.Engine;

namespace GitOpsRunners.Tests.Engine;

public class ExecutionPlannerSpecs
{
    private static readonly BuildTarget Restore = new("Restore");
    private static readonly BuildTarget Compile = new("Compile") { DependsOn = ["Restore"] };
    private static readonly BuildTarget Validate = new("Validate") { DependsOn = ["Compile"] };
    private static readonly BuildTarget Test = new("Test") { DependsOn = ["Compile"] };
    private static readonly BuildTarget Pack = new("Pack") { DependsOn = ["Restore"], After = ["Test"] };
    private static readonly IReadOnlyList<BuildTarget> Targets = [Restore, Compile, Validate, Test, Pack];

    [Fact]
    public void Dependencies_run_before_the_invoked_target()
    {
        // Act
        var plan = ExecutionPlanner.Plan(Targets, ["Validate"], []);

        // Assert
        plan.Names.Should().Equal("Restore", "Compile", "Validate");
        plan.Steps.Select(s => s.Invoked).Should().Equal(false, false, true);
    }

    [Fact]
    public void Invoked_targets_keep_their_order_where_dependencies_allow()
    {
        // Act
        var plan = ExecutionPlanner.Plan(Targets, ["Test", "Validate", "Restore"], []);

        // Assert
        plan.Names.Should().Equal("Restore", "Compile", "Test", "Validate");
    }

    [Fact]
    public void Target_names_match_ignoring_case()
    {
        // Act
        var plan = ExecutionPlanner.Plan(Targets, ["validate"], []);

        // Assert
        plan.Names.Last().Should().Be("Validate");
    }

    [Fact]
    public void After_orders_planned_targets_without_adding_them()
    {
        // Act
        var alone = ExecutionPlanner.Plan(Targets, ["Pack"], []);
        var together = ExecutionPlanner.Plan(Targets, ["Pack", "Test"], []);

        // Assert
        alone.Names.Should().Equal("Restore", "Pack");
        together.Names.Should().Equal("Restore", "Compile", "Test", "Pack");
    }

    [Fact]
    public void Before_puts_the_declaring_target_first()
    {
        // Arrange
        BuildTarget[] targets = [new("Lint") { Before = ["Deploy"] }, new("Deploy")];

        // Act
        var plan = ExecutionPlanner.Plan(targets, ["Deploy", "Lint"], []);

        // Assert
        plan.Names.Should().Equal("Lint", "Deploy");
    }

    [Fact]
    public void Skipped_targets_stay_in_the_plan_marked_as_skipped()
    {
        // Act
        var plan = ExecutionPlanner.Plan(Targets, ["Validate"], ["restore"]);

        // Assert
        plan.Names.Should().Equal("Restore", "Compile", "Validate");
        plan.Steps.Select(s => s.SkipReason).Should().Equal("--skip", null, null);
    }

    [Fact]
    public void A_bare_skip_skips_every_dependency_that_was_not_invoked()
    {
        // Act
        var plan = ExecutionPlanner.Plan(Targets, ["Validate", "Compile"], [], skipAllDependencies: true);

        // Assert
        plan.Steps.Where(s => s.Skipped).Select(s => s.Name).Should().Equal("Restore");
    }

    [Fact]
    public void A_cycle_is_reported_with_the_targets_in_it()
    {
        // Arrange
        BuildTarget[] targets =
        [
            new("A") { DependsOn = ["B"] },
            new("B") { DependsOn = ["C"] },
            new("C") { DependsOn = ["A"] },
            new("D"),
        ];

        // Act
        var act = () => ExecutionPlanner.Plan(targets, ["D"], []);

        // Assert
        act.Should().Throw<BuildException>().WithMessage("*cycle: A -> B -> C -> A*");
    }

    [Fact]
    public void An_unknown_target_names_the_closest_valid_one()
    {
        // Act
        var act = () => ExecutionPlanner.Plan(Targets, ["Valdate"], []);

        // Assert
        act.Should()
            .Throw<UsageException>()
            .Which.Message.Should()
            .StartWith("Unknown target 'Valdate'. Did you mean 'Validate'?")
            .And.NotContain("\n");
    }

    [Fact]
    public void An_unknown_skipped_target_is_a_usage_error_too()
    {
        // Act
        var act = () => ExecutionPlanner.Plan(Targets, ["Validate"], ["compiel"]);

        // Assert
        act.Should().Throw<UsageException>().WithMessage("*'compiel'*Did you mean 'Compile'?*");
    }

    [Fact]
    public void A_dependency_on_an_undeclared_target_is_a_build_error()
    {
        // Arrange
        BuildTarget[] targets = [new("A") { DependsOn = ["Ghost"] }];

        // Act
        var act = () => ExecutionPlanner.Plan(targets, ["A"], []);

        // Assert
        act.Should().Throw<BuildException>().WithMessage("*A refers to 'Ghost'*");
    }
}
