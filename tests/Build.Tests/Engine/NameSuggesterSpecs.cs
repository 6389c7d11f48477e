using GitOpsRunners.Engine;

namespace GitOpsRunners.Tests.Engine;

public class NameSuggesterSpecs
{
    [Theory]
    [InlineData("valdate", "Validate")]
    [InlineData("VALIDATE", "Validate")]
    [InlineData("re-store", "Restore")]
    [InlineData("tset", "Test")]
    [InlineData("Val", "Validate")]
    public void The_closest_name_ignores_case_and_dashes(string input, string expected)
    {
        // Act
        var closest = NameSuggester.Closest(input, ["Restore", "Test", "Validate"]);

        // Assert
        closest.Should().Be(expected);
    }

    [Fact]
    public void No_candidates_give_no_suggestion() => NameSuggester.Closest("x", []).Should().BeNull();
}
