using Spectre.Console;

namespace GitOpsRunners.Engine;

/// <summary>
/// Where a target's machine-readable output goes (<c>--output</c>): the file, with one grey line naming it, or
/// else standard output on its own, so that it can be piped. A relative path starts at <paramref name="workingDirectory"/>.
/// <paramref name="standardOutput"/> is standard output when the console writes elsewhere (standard error while a
/// document owns standard output); by default the console's own writer.
/// </summary>
public sealed class ReportSink(
    IAnsiConsole console,
    string? output,
    string? workingDirectory = null,
    TextWriter? standardOutput = null
)
{
    /// <summary>The <c>--output</c> path as given; null for standard output.</summary>
    public string? Output => output;

    /// <summary>
    /// Writes <paramref name="report"/> to the <c>--output</c> file and says "<paramref name="what"/> written to
    /// &lt;file&gt;", or else writes it to standard output without its trailing newlines.
    /// </summary>
    public async Task WriteAsync(string report, string what, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (output is null)
        {
            WriteToStandardOutput(report.TrimEnd('\n'));
            return;
        }

        await WriteFileAsync(report, ct).ConfigureAwait(false);
        console.MarkupLine($"[grey]{Markup.Escape(what)} written to {Markup.Escape(output)}[/]");
    }

    /// <summary>Writes <paramref name="report"/> to the <c>--output</c> file, if there is one, creating its folder.</summary>
    public async Task WriteFileAsync(string report, CancellationToken ct)
    {
        if (output is null)
        {
            return;
        }

        var path = Path.GetFullPath(output, workingDirectory ?? Directory.GetCurrentDirectory());
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, report, ct).ConfigureAwait(false);
    }

    /// <summary>Writes text as it is: no markup, no wrapping.</summary>
    public void WriteToStandardOutput(string text)
    {
        var writer = standardOutput ?? console.Profile.Out.Writer;
        writer.WriteLine(text);
        writer.Flush();
    }
}
