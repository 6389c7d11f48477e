using GitOpsRunners.Engine;
using Spectre.Console;

namespace GitOpsRunners.Tests.Engine;

public class ConsoleFactorySpecs
{
    [Fact]
    public void A_terminal_gets_detected_colours_and_interaction()
    {
        // Act
        var settings = ConsoleFactory.Settings(isTerminal: true, new Dictionary<string, string>());

        // Assert
        settings.ColorSystem.Should().Be(ColorSystemSupport.Detect);
        settings.Interactive.Should().Be(InteractionSupport.Detect);
    }

    [Fact]
    public void No_color_turns_colours_off_on_a_terminal()
    {
        // Act
        var settings = ConsoleFactory.Settings(isTerminal: true, new Dictionary<string, string> { ["NO_COLOR"] = "1" });

        // Assert
        settings.ColorSystem.Should().Be(ColorSystemSupport.NoColors);
    }

    [Fact]
    public void Redirected_output_gets_no_ansi_no_colours_and_no_spinners()
    {
        // Arrange
        using var output = new StringWriter();

        // Act
        var console = ConsoleFactory.Create(output, isTerminal: false, new Dictionary<string, string>());
        console.MarkupLine("[red]plain[/]");

        // Assert
        output.ToString().Should().Be("plain" + Environment.NewLine);
        console.Profile.Capabilities.Interactive.Should().BeFalse();
        new StatusDisplay(console).IsLive.Should().BeFalse();
    }
}
