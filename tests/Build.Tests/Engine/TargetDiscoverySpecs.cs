using GitOpsRunners.Engine;

namespace GitOpsRunners.Tests.Engine;

public class TargetDiscoverySpecs
{
    [Fact]
    public void Non_public_target_properties_are_found_in_declaration_order_with_their_dependencies()
    {
        // Act
        var targets = TargetDiscovery.Discover(new SampleBuild());

        // Assert
        targets.Select(t => t.Name).Should().Equal("Restore", "Compile", "Validate", "Publish", "Report");
        targets.Single(t => t.Name == "Validate").DependsOn.Should().Equal("Compile");
        targets.Single(t => t.Name == "Report").After.Should().Equal("Validate");
        targets.Single(t => t.Name == "Validate").Description.Should().Be("Render every cluster and check it");
    }

    [Fact]
    public void Requirements_and_conditions_keep_their_source_text()
    {
        // Act
        var targets = TargetDiscovery.Discover(new SampleBuild());

        // Assert
        targets.Single(t => t.Name == "Validate").Requirements.Single().MemberName.Should().Be("Cluster");
        targets
            .Single(t => t.Name == "Publish")
            .Conditions.Single()
            .Expression.Should()
            .Be("() => IgnoreMissingSchemas");
    }

    [Fact]
    public void Requirements_treat_null_empty_and_empty_arrays_as_missing()
    {
        // Act / Assert
        new TargetRequirement("() => A", () => null)
            .IsSatisfied()
            .Should()
            .BeFalse();
        new TargetRequirement("() => A", () => " ").IsSatisfied().Should().BeFalse();
        new TargetRequirement("() => A", () => Array.Empty<string>()).IsSatisfied().Should().BeFalse();
        new TargetRequirement("() => A", () => "x").IsSatisfied().Should().BeTrue();
        new TargetRequirement("() => A", () => 0).IsSatisfied().Should().BeTrue();
    }

    [Fact]
    public void The_product_build_declares_restore_and_test_and_tests_check_the_formatting_first()
    {
        // Act
        var targets = TargetDiscovery.Discover(new Build());

        // Assert
        targets.Select(t => t.Name).Should().Contain(["Restore", "FormatCode", "Test"]);
        targets.Single(t => t.Name == "Test").DependsOn.Should().Equal("Restore", "FormatCode");
    }
}
