using System.Text;
using Spectre.Console;

namespace GitOpsRunners.Engine;

/// <summary><c>--help</c>: targets with their direct dependencies, then parameters with their environment variables.</summary>
public static class HelpWriter
{
    private const int MaxNameWidth = 34;

    private static readonly (string Option, string Description)[] BuiltIns =
    [
        ("--plan", "Print the execution plan and exit without running anything"),
        ("--skip [<target>...]", "Skip the named targets; a bare --skip skips every dependency that was not invoked"),
        ("--profile <name>...", "Also read .nuke/parameters.<name>.json (later profiles win)"),
        (
            "--repository-root <dir>",
            "Repository root (default: BUILD_ROOT_DIRECTORY, else the nearest folder upwards with a .nuke/ folder)"
        ),
        ("--verbosity <level>", "quiet, normal or verbose (verbose adds parameter sources and stack traces)"),
        ("-h, --help", "Show this help and regenerate .nuke/build.schema.json"),
    ];

    public static void Write(
        IAnsiConsole console,
        IReadOnlyList<BuildTarget> targets,
        IReadOnlyList<BuildParameter> parameters
    )
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(parameters);
        console.MarkupLine("Usage: [bold]./build.sh[/] <target>... [[options]]");

        Section(
            console,
            "Targets (with their direct dependencies)",
            targets
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t =>
                    (
                        t.DependsOn.Count == 0 ? t.Name : $"{t.Name} -> {string.Join(", ", t.DependsOn)}",
                        t.Description,
                        (string?)null
                    )
                )
        );

        Section(
            console,
            "Parameters (option, else environment variable, else .nuke/parameters*.json)",
            parameters
                .OrderBy(p => p.IsSecret)
                .Select(p =>
                    (
                        p.IsSecret ? p.EnvironmentVariable : $"{p.Option} {p.ValueHint}".TrimEnd(),
                        p.Description,
                        (string?)Details(p)
                    )
                )
        );

        Section(console, "Options", BuiltIns.Select(b => (b.Option, b.Description, (string?)null)));
    }

    private static void Section(
        IAnsiConsole console,
        string title,
        IEnumerable<(string Name, string Description, string? Details)> rows
    )
    {
        var list = rows.ToList();
        console.WriteLine();
        console.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
        var nameWidth = Math.Min(MaxNameWidth, list.Select(r => r.Name.Length).DefaultIfEmpty(0).Max());
        var textWidth = Math.Max(30, console.Profile.Width - nameWidth - 5);
        foreach (var (name, description, details) in list)
        {
            var lines = Wrap(description, textWidth)
                .Select(l => (Text: l, Dim: false))
                .Concat(details is null ? [] : Wrap(details, textWidth).Select(l => (Text: l, Dim: true)))
                .ToList();
            var head = $"  [aqua]{Markup.Escape(name)}[/]";
            if (name.Length > nameWidth)
            {
                console.MarkupLine(head);
                head = "  " + new string(' ', nameWidth);
            }
            else
            {
                head += new string(' ', nameWidth - name.Length);
            }

            for (var i = 0; i < lines.Count; i++)
            {
                var prefix = i == 0 ? head : "  " + new string(' ', nameWidth);
                var text = lines[i].Dim ? $"[grey]{Markup.Escape(lines[i].Text)}[/]" : Markup.Escape(lines[i].Text);
                console.MarkupLine($"{prefix}  {text}".TrimEnd());
            }
        }
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    private static string Details(BuildParameter parameter)
    {
        if (parameter.IsSecret)
        {
            return "secret: read only from the environment, never printed";
        }

        var details = "env " + parameter.EnvironmentVariable;
        var shown = new ResolvedParameter(
            parameter,
            parameter.DefaultValue,
            ParameterSource.Default,
            "default"
        ).Display;
        var hasDefault = parameter.DefaultValue switch
        {
            null or false or "" => false,
            string[] items => items.Length > 0,
            _ => true,
        };
        return hasDefault ? $"{details}; default {shown}" : details;
    }
}
