using GitOpsRunners.Rendering.Substitution;

namespace GitOpsRunners.Tests.Rendering.Substitution;

public class FluxEnvSubstStrictSpecs
{
    private static readonly Dictionary<string, string> NoVariables = new(StringComparer.Ordinal);

    public static TheoryData<string> ReadingOperatorsOnAMissingVariable =>
        [
            "${missing}",
            "${#missing}",
            "${missing^}",
            "${missing^^}",
            "${missing,}",
            "${missing,,}",
            "${missing:1}",
            "${missing:1:2}",
            "${missing#x}",
            "${missing##x}",
            "${missing%x}",
            "${missing%%x}",
            "${missing/a/b}",
            "${missing//a/b}",
            "${missing/#a/b}",
            "${missing/%a/b}",
        ];

    public static TheoryData<string> DefaultOperatorsOnAMissingVariable =>
        [
            "${missing:=fallback}",
            "${missing=fallback}",
            "${missing:-fallback}",
            "${missing:?fallback}",
            "${missing:+fallback}",
        ];

    [Theory]
    [MemberData(nameof(ReadingOperatorsOnAMissingVariable))]
    public void A_missing_variable_fails_in_strict_mode_whatever_the_operator(string input)
    {
        // Act
        var act = () => FluxEnvSubst.Expand(input, NoVariables, strict: true);

        // Assert
        var error = act.Should().Throw<SubstitutionException>().Which;
        error.Variable.Should().Be("missing");
        error.Message.Should().Contain("variable not set (strict mode)").And.Contain("\"missing\"");
        (error.Line, error.Column).Should().Be((1, 1));
    }

    [Theory]
    [MemberData(nameof(ReadingOperatorsOnAMissingVariable))]
    public void A_missing_variable_reads_as_empty_outside_strict_mode(string input)
    {
        // Act
        var act = () => FluxEnvSubst.Expand("[" + input + "]", NoVariables, strict: false);

        // Assert
        act.Should().NotThrow().Which.Should().MatchRegex(@"^\[0?\]$");
    }

    [Theory]
    [MemberData(nameof(DefaultOperatorsOnAMissingVariable))]
    public void A_default_operator_covers_a_missing_variable_in_strict_mode(string input)
    {
        // Act
        var output = FluxEnvSubst.Expand(input, NoVariables, strict: true);

        // Assert
        output.Should().Be("fallback");
    }

    [Fact]
    public void A_missing_variable_inside_an_unused_default_still_fails_because_defaults_are_evaluated_first()
    {
        // Arrange
        var vars = TestVariables.Parse("set=prod");

        // Act
        var act = () => FluxEnvSubst.Expand("env: ${set:-${missing}}", vars, strict: true);

        // Assert
        var error = act.Should().Throw<SubstitutionException>().Which;
        error.Variable.Should().Be("missing");
        (error.Line, error.Column).Should().Be((1, 13));
    }

    [Fact]
    public void A_strict_failure_names_the_line_and_column_of_its_expression_in_multi_line_input()
    {
        // Arrange
        var vars = TestVariables.Parse("x=1");
        const string yaml = "a: 1\nb: ${x}\nc: ${missing}\n";

        // Act
        var act = () => FluxEnvSubst.Expand(yaml, vars, strict: true);

        // Assert
        var error = act.Should().Throw<SubstitutionException>().Which;
        (error.Line, error.Column).Should().Be((3, 4));
        error.Message.Should().StartWith("line 3, column 4: variable not set (strict mode): \"missing\"");
        error.Reason.Should().StartWith("variable not set (strict mode)").And.Contain("${missing:=value}");
    }

    [Fact]
    public void The_first_missing_variable_in_document_order_is_reported()
    {
        // Act
        var act = () => FluxEnvSubst.Expand("${first} ${second}", NoVariables, strict: true);

        // Assert
        act.Should().Throw<SubstitutionException>().Which.Variable.Should().Be("first");
    }
}
