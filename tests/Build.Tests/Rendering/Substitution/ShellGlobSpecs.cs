using GitOpsRunners.Rendering.Substitution;

namespace GitOpsRunners.Tests.Rendering.Substitution;

public class ShellGlobSpecs
{
    [Theory]
    [InlineData("*", "", true)]
    [InlineData("*", "a/b", true)]
    [InlineData("a?c", "a/c", true)]
    [InlineData("a*c", "abbbc", true)]
    [InlineData("a*c", "abbb", false)]
    [InlineData("[a-c]x", "bx", true)]
    [InlineData("[a-c]x", "dx", false)]
    [InlineData("[^a-c]x", "dx", true)]
    [InlineData("[\\]]", "]", true)]
    [InlineData("\\*", "*", true)]
    [InlineData("\\*", "a", false)]
    [InlineData("é?", "éa", true)]
    public void A_pattern_matches_the_whole_name(string pattern, string name, bool expected)
    {
        // Arrange
        ShellGlob.TryCompile(Points(pattern), out var glob).Should().BeTrue();

        // Act
        var matches = glob.Matches(Points(name));

        // Assert
        matches.Should().Be(expected);
    }

    [Theory]
    [InlineData("[")]
    [InlineData("[a")]
    [InlineData("[]")]
    [InlineData("[-a]")]
    [InlineData("[a-]")]
    [InlineData("abc\\")]
    public void A_malformed_pattern_does_not_compile(string pattern)
    {
        // Act
        var compiled = ShellGlob.TryCompile(Points(pattern), out _);

        // Assert
        compiled.Should().BeFalse();
    }

    private static int[] Points(string text) => text.EnumerateRunes().Select(r => r.Value).ToArray();
}
