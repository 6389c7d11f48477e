using GitOpsRunners.Rendering.Substitution;

namespace GitOpsRunners.Tests.Rendering.Substitution;

public class PostBuildSubstituterSpecs
{
    private const string Resource = "metadata:\n  name: ${app:=runner}\n  script: echo $${HOME}\n";

    private static readonly Dictionary<string, string> NoVariables = new(StringComparer.Ordinal);

    [Fact]
    public void With_variables_strategy_and_no_variables_leaves_the_resource_untouched()
    {
        // Act
        var output = Substitute(Resource, NoVariables, SubstituteStrategy.WithVariables);

        // Assert
        output.Should().Be(Resource);
    }

    [Fact]
    public void With_variables_strategy_substitutes_once_any_variable_is_defined_even_an_unreferenced_one()
    {
        // Arrange
        var vars = TestVariables.Parse("unrelated=1");

        // Act
        var output = Substitute(Resource, vars, SubstituteStrategy.WithVariables);

        // Assert
        output.Should().Be("metadata:\n  name: runner\n  script: echo ${HOME}\n");
    }

    [Fact]
    public void Always_strategy_substitutes_defaults_without_variables()
    {
        // Act
        var output = Substitute(Resource, NoVariables, SubstituteStrategy.Always);

        // Assert
        output.Should().Be("metadata:\n  name: runner\n  script: echo ${HOME}\n");
    }

    [Fact]
    public void Always_strategy_in_strict_mode_fails_on_a_variable_nobody_defined()
    {
        // Act
        var act = () => Substitute("a: 1\nb: ${cluster}\n", NoVariables, SubstituteStrategy.Always);

        // Assert
        var error = act.Should().Throw<SubstitutionException>().Which;
        (error.Variable, error.Line, error.Column).Should().Be(("cluster", 2, 4));
    }

    [Fact]
    public void A_disabled_resource_is_returned_as_is_even_when_its_syntax_is_broken()
    {
        // Arrange
        var vars = TestVariables.Parse("app=x");
        const string yaml = "data:\n  script: echo ${unclosed\n  other: ${app}\n";

        // Act
        var output = Substitute(yaml, vars, SubstituteStrategy.Always, disabled: true);

        // Assert
        output.Should().Be(yaml);
    }

    [Fact]
    public void An_invalid_variable_name_fails_when_substitution_runs()
    {
        // Arrange
        var vars = TestVariables.Parse("bad-name=1");

        // Act
        var act = () => Substitute(Resource, vars, SubstituteStrategy.WithVariables, strict: false);

        // Assert
        act.Should().Throw<SubstitutionException>().Which.Variable.Should().Be("bad-name");
    }

    /// <summary>
    /// <see cref="PostBuildSubstituter.Substitute"/> in strict mode on a resource not disabled, unless told otherwise;
    /// the resource as written when it is not substituted.
    /// </summary>
    private static string Substitute(
        string yaml,
        IReadOnlyDictionary<string, string> variables,
        SubstituteStrategy strategy,
        bool strict = true,
        bool disabled = false
    ) => PostBuildSubstituter.Substitute(yaml, variables, strategy, strict, disabled)?.Output ?? yaml;
}
