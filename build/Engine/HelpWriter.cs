using Spectre.Console;
using Spectre.Console.Rendering;

namespace GitOpsRunners.Engine;

/// <summary><c>--help</c>: targets with their direct dependencies, then parameters with their environment variables.</summary>
public static class HelpWriter
{
    private static readonly (string Option, string Description)[] BuiltIns =
    [
        ("--plan", "Print the execution plan and exit without running anything"),
        ("--skip [<target>...]", "Skip the named targets; a bare --skip skips every dependency that was not invoked"),
        ("--profile <name>...", "Also read .nuke/parameters.<name>.json (later profiles win)"),
        ("--root <dir>", "Repository root (default: the nearest folder above the current one with a .nuke/ folder)"),
        ("--verbosity <level>", "quiet, normal or verbose (verbose adds parameter sources and stack traces)"),
        ("-h, --help", "Show this help and regenerate .nuke/build.schema.json"),
    ];

    public static void Write(IAnsiConsole console, IReadOnlyList<BuildTarget> targets, IReadOnlyList<BuildParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(parameters);
        console.MarkupLine("Usage: [bold]./build.sh[/] <target>... [[options]]");
        console.WriteLine();

        console.MarkupLine("[bold]Targets (with their direct dependencies)[/]");
        var targetGrid = NewGrid();
        foreach (var target in targets)
        {
            var name = target.DependsOn.Count == 0 ? target.Name : $"{target.Name} -> {string.Join(", ", target.DependsOn)}";
            targetGrid.AddRow(new Text(name, new Style(Color.Aqua)), new Text(target.Description));
        }

        console.Write(targetGrid);
        console.WriteLine();

        console.MarkupLine("[bold]Parameters[/] (command line, else environment variable, else .nuke/parameters*.json)");
        var parameterGrid = NewGrid();
        foreach (var parameter in parameters)
        {
            var left = parameter.IsSecret ? parameter.EnvironmentVariable : $"{parameter.Option} {parameter.ValueHint}".TrimEnd();
            parameterGrid.AddRow(new Text(left, new Style(Color.Aqua)), new Rows(new Text(parameter.Description), new Text(Details(parameter), new Style(Color.Grey))));
        }

        console.Write(parameterGrid);
        console.WriteLine();

        console.MarkupLine("[bold]Options[/]");
        var optionGrid = NewGrid();
        foreach (var (option, description) in BuiltIns)
        {
            optionGrid.AddRow(new Text(option, new Style(Color.Aqua)), new Text(description));
        }

        console.Write(optionGrid);
    }

    private static string Details(BuildParameter parameter)
    {
        if (parameter.IsSecret)
        {
            return "secret: environment variable only, never printed";
        }

        var details = "env " + parameter.EnvironmentVariable;
        var shown = new ResolvedParameter(parameter, parameter.DefaultValue, ParameterSource.Default, "default").Display;
        var hasDefault = parameter.DefaultValue switch
        {
            null or false or "" => false,
            string[] items => items.Length > 0,
            _ => true,
        };
        return hasDefault ? $"{details}; default {shown}" : details;
    }

    private static Grid NewGrid()
    {
        var grid = new Grid();
        grid.AddColumn(new GridColumn { NoWrap = true, Padding = new Padding(2, 0, 2, 0) });
        grid.AddColumn(new GridColumn { Padding = new Padding(0, 0, 0, 0) });
        return grid;
    }
}
