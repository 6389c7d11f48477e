namespace GitOpsRunners.Engine;

/// <summary>The command line after parsing: built-in options, target names and raw parameter values.</summary>
public sealed record BuildArguments
{
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>Null without <c>--skip</c>; empty for a bare <c>--skip</c> (skip every dependency not invoked).</summary>
    public IReadOnlyList<string>? Skip { get; init; }

    public IReadOnlyList<string> Profiles { get; init; } = [];
    public string? Root { get; init; }
    public Verbosity Verbosity { get; init; } = Verbosity.Normal;
    public bool Help { get; init; }
    public bool Plan { get; init; }

    /// <summary>Values given on the command line, by parameter property name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ParameterValues { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();
}
