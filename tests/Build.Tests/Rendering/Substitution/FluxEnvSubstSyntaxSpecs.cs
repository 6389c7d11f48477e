using GitOpsRunners.Rendering.Substitution;

namespace GitOpsRunners.Tests.Rendering.Substitution;

public class FluxEnvSubstSyntaxSpecs
{
    private static readonly Dictionary<string, string> Variables = TestVariables.Parse("name=runner;x=1");

    public static TheoryData<string, int, int, string> MalformedInputs =>
        new()
        {
            // input, line, column, expected message fragment
            { "${", 1, 1, "missing closing brace" },
            { "a: ${name", 1, 4, "is never closed" },
            { "a: ${name:-default", 1, 4, "is never closed" },
            { "a: ${name/x", 1, 4, "is never closed" },
            { "a: ${name/a}", 1, 4, "is never closed" },
            { "x\n  y: ${}", 2, 6, "unable to parse variable name" },
            { "${-x}", 1, 1, "unable to parse variable name" },
            { "${ name}", 1, 1, "unable to parse variable name" },
            { "${name-default}", 1, 1, "use \"${name:-default}\"" },
            { "${name+alt}", 1, 1, "missing closing brace" },
            { "${name?err}", 1, 1, "missing closing brace" },
            { "${name.x}", 1, 1, "expected \"}\" after \"name\"" },
            { "${#}", 1, 1, "a variable name must follow \"#\"" },
            { "${#name:1}", 1, 1, "bad substitution" },
            { "${name^^^}", 1, 1, "bad substitution" },
            { "${name#}", 1, 1, "needs an operand" },
            { "${name%%}", 1, 1, "needs an operand" },
            { "${name:}", 1, 1, "needs an operand" },
            { "${name:1:}", 1, 1, "needs an operand" },
            { "${name:${x}y}", 1, 1, "bad substitution" },
            { "${name#a${x}}", 1, 1, "bad substitution" },
            { "${name/a}b", 1, 1, "is never closed" },
            { "${name/a/b${x}c}", 1, 1, "bad substitution" },
            { "line1\nv: ${outer:=${inner-x}}", 2, 13, "missing closing brace" },
            { "a\r\nb: ${", 2, 4, "is never closed" },
            { "ok: ${missing}\nbad: ${", 2, 6, "is never closed" },
        };

    [Theory]
    [MemberData(nameof(MalformedInputs))]
    public void Malformed_syntax_fails_with_the_position_of_the_offending_expression(
        string input,
        int line,
        int column,
        string fragment
    )
    {
        // Act
        var act = () => FluxEnvSubst.Expand(input, Variables, strict: false);

        // Assert
        var error = act.Should().Throw<SubstitutionException>().Which;
        (error.Line, error.Column).Should().Be((line, column));
        error.Reason.Should().Contain(fragment);
        error.Message.Should().StartWith($"line {line}, column {column}: ");
    }

    [Fact]
    public void A_syntax_error_wins_over_a_strict_mode_error_earlier_in_the_text()
    {
        // Act
        var act = () => FluxEnvSubst.Expand("${missing} ${name", Variables, strict: true);

        // Assert
        var error = act.Should().Throw<SubstitutionException>().Which;
        error.Reason.Should().Contain("is never closed");
        error.Column.Should().Be(12);
    }

    [Fact]
    public void A_syntax_error_tells_how_to_write_a_literal_dollar_brace()
    {
        // Act
        var act = () => FluxEnvSubst.Expand("script: echo ${", Variables, strict: false);

        // Assert
        act.Should().Throw<SubstitutionException>().Which.Reason.Should().Contain("$${");
    }

    [Fact]
    public void A_long_expression_is_quoted_shortened_in_the_message()
    {
        // Arrange
        var input = "${name:-" + new string('a', 100);

        // Act
        var act = () => FluxEnvSubst.Expand(input, Variables, strict: false);

        // Assert
        var reason = act.Should().Throw<SubstitutionException>().Which.Reason;
        reason.Should().Contain("${name:-aaaa").And.Contain("…").And.NotContain(new string('a', 50));
    }

    [Fact]
    public void A_substitution_error_is_a_build_exception()
    {
        // Act
        var act = () => FluxEnvSubst.Expand("${", Variables, strict: false);

        // Assert
        act.Should().Throw<GitOpsRunners.Engine.BuildException>();
    }
}
