using GitOpsRunners.Rendering.Substitution;

namespace GitOpsRunners.Tests.Rendering.Substitution;

public class PostBuildVariablesSpecs
{
    [Fact]
    public void A_later_substituteFrom_source_overwrites_an_earlier_one()
    {
        // Arrange
        var first = TestVariables.Parse("cluster=test;region=westeurope");
        var second = TestVariables.Parse("cluster=production");

        // Act
        var merged = PostBuildVariables.Merge([first, second], substitute: null);

        // Assert
        merged.Should().BeEquivalentTo(TestVariables.Parse("cluster=production;region=westeurope"));
    }

    [Fact]
    public void Inline_substitute_overwrites_every_substituteFrom_source()
    {
        // Arrange
        var fromConfigMap = TestVariables.Parse("cluster=test;sku=small");
        var fromSecret = TestVariables.Parse("cluster=secret-value");
        var inline = TestVariables.Parse("cluster=inline");

        // Act
        var merged = PostBuildVariables.Merge([fromConfigMap, fromSecret], inline);

        // Assert
        merged.Should().BeEquivalentTo(TestVariables.Parse("cluster=inline;sku=small"));
    }

    [Fact]
    public void No_sources_and_no_inline_map_give_no_variables()
    {
        // Act
        var merged = PostBuildVariables.Merge([], substitute: null);

        // Assert
        merged.Should().BeEmpty();
    }

    [Fact]
    public void Line_feeds_are_stripped_from_every_value_but_carriage_returns_stay()
    {
        // Arrange
        var fromConfigMap = new Dictionary<string, string> { ["pem"] = "line1\nline2\n", ["crlf"] = "a\r\nb" };
        var inline = new Dictionary<string, string> { ["note"] = "\nsingle\n" };

        // Act
        var merged = PostBuildVariables.Merge([fromConfigMap], inline);

        // Assert
        merged["pem"].Should().Be("line1line2");
        merged["crlf"].Should().Be("a\rb");
        merged["note"].Should().Be("single");
    }

    [Theory]
    [InlineData("cluster_name", true)]
    [InlineData("_private", true)]
    [InlineData("A1", true)]
    [InlineData("x", true)]
    [InlineData("", false)]
    [InlineData("1st", false)]
    [InlineData("my-var", false)]
    [InlineData("a.b", false)]
    [InlineData("größe", false)]
    [InlineData("name\n", false)]
    [InlineData("with space", false)]
    public void Only_a_name_of_letters_digits_and_underscores_not_starting_with_a_digit_is_valid(
        string name,
        bool expected
    )
    {
        // Act
        var valid = PostBuildVariables.IsValidName(name);

        // Assert
        valid.Should().Be(expected);
    }

    [Fact]
    public void Merging_an_invalid_name_fails_and_names_every_offender()
    {
        // Arrange
        var fromConfigMap = TestVariables.Parse("ok=1;my-var=2");
        var inline = TestVariables.Parse("app.name=3");

        // Act
        var act = () => PostBuildVariables.Merge([fromConfigMap], inline);

        // Assert
        var error = act.Should().Throw<SubstitutionException>().Which;
        error.Variable.Should().Be("app.name");
        error.Message.Should().Contain("'app.name'").And.Contain("'my-var'").And.NotContain("'ok'");
        error.Message.Should().Contain("^[_[:alpha:]][_[:alpha:][:digit:]]*$");
        error.Line.Should().BeNull();
    }
}
