using System.CommandLine;
using System.CommandLine.Parsing;

namespace GitOpsRunners.Engine;

/// <summary>
/// The System.CommandLine grammar of the build: positional targets, the built-in options and one option
/// per non-secret parameter. <see cref="Read"/> turns a parse into <see cref="BuildArguments"/> or a
/// <see cref="UsageException"/> that names the closest valid option.
/// </summary>
public sealed class BuildCommandLine
{
    private readonly IReadOnlyList<BuildParameter> _parameters;
    private readonly Dictionary<BuildParameter, Option> _parameterOptions = [];
    private readonly Argument<string[]> _targets = new("targets")
    {
        Arity = ArgumentArity.ZeroOrMore,
        Description = "Targets to run",
    };
    private readonly Option<bool> _help = new("--help", "-h")
    {
        Arity = ArgumentArity.Zero,
        Description = "Show targets and parameters",
    };
    private readonly Option<bool> _plan = new("--plan")
    {
        Arity = ArgumentArity.Zero,
        Description = "Print the execution plan without running it",
    };
    private readonly Option<string[]> _skip = new("--skip")
    {
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = true,
    };
    private readonly Option<string[]> _profile = new("--profile")
    {
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = true,
    };
    private readonly Option<string> _root = new("--repository-root");
    private readonly Option<string> _verbosity = new("--verbosity");

    public BuildCommandLine(IReadOnlyList<BuildParameter> parameters)
    {
        _parameters = parameters;
        Command = new Command("build") { _targets, _help, _plan, _skip, _profile, _root, _verbosity };
        foreach (var parameter in parameters.Where(p => !p.IsSecret))
        {
            Option option = parameter switch
            {
                { IsBoolean: true } => new Option<bool>(parameter.Option),
                { IsArray: true } => new Option<string[]>(parameter.Option) { Arity = ArgumentArity.OneOrMore },
                _ => new Option<string>(parameter.Option),
            };
            option.Description = parameter.Description;
            _parameterOptions[parameter] = option;
            Command.Options.Add(option);
        }
    }

    public Command Command { get; }

    /// <summary>Every option name the build understands, with dashes.</summary>
    public IEnumerable<string> OptionNames => Command.Options.Select(o => o.Name).Append("-h");

    public ParseResult ParseRaw(IReadOnlyList<string> args) =>
        Command.Parse(Canonicalize(args), new ParserConfiguration { ResponseFileTokenReplacer = null });

    public BuildArguments Parse(IReadOnlyList<string> args) => Read(ParseRaw(args));

    public BuildArguments Read(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var targets = result.GetValue(_targets) ?? [];
        foreach (var token in targets.Concat(result.UnmatchedTokens).Where(t => t.StartsWith('-')))
        {
            throw UnknownOption(token);
        }

        if (result.Errors.Count > 0)
        {
            throw new UsageException(
                string.Join(' ', result.Errors[0].Message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            );
        }

        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (parameter, option) in _parameterOptions)
        {
            if (result.GetResult(option) is not { Implicit: false })
            {
                continue;
            }

            values[parameter.Name] = option switch
            {
                Option<bool> flag => [result.GetValue(flag) ? "true" : "false"],
                Option<string[]> many => result.GetValue(many) ?? [],
                Option<string> single => [result.GetValue(single) ?? ""],
                _ => [],
            };
            if (option is not Option<bool> && values[parameter.Name].FirstOrDefault(LooksLikeOption) is { } misplaced)
            {
                throw new UsageException(
                    $"{parameter.Option} {misplaced}: the value looks like an option, so {parameter.Option} probably lost its value; give one, e.g. {parameter.Option} {parameter.ValueHint}."
                );
            }
        }

        return new BuildArguments
        {
            Targets = targets,
            Skip = result.GetResult(_skip) is { Implicit: false } ? result.GetValue(_skip) ?? [] : null,
            Profiles = result.GetValue(_profile) ?? [],
            Root = result.GetValue(_root),
            Verbosity = ReadVerbosity(result.GetValue(_verbosity)),
            Help = result.GetValue(_help),
            Plan = result.GetValue(_plan),
            ParameterValues = values,
        };
    }

    /// <summary><c>--x</c> or <c>-x</c>; a negative number such as <c>-1</c> is a value (and its range is checked later).</summary>
    private static bool LooksLikeOption(string value) =>
        value.Length > 1 && value[0] == '-' && !char.IsAsciiDigit(value[1]) && value[1] != '.';

    private static Verbosity ReadVerbosity(string? value) =>
        value is null ? Verbosity.Normal
        : Enum.TryParse<Verbosity>(value, ignoreCase: true, out var verbosity) && !value.Any(char.IsDigit) ? verbosity
        : throw new UsageException($"Invalid value '{value}' for --verbosity: expected quiet, normal or verbose.");

    private UsageException UnknownOption(string token)
    {
        var name = token.Split('=', ':')[0];
        var secret = _parameters.FirstOrDefault(p => p.IsSecret && Matches(p, name));
        if (secret is not null)
        {
            return new UsageException(
                $"{secret.Option} is a secret and is read only from the environment: set {secret.EnvironmentVariable} instead of passing it on the command line."
            );
        }

        var closest = NameSuggester.Closest(
            name.TrimStart('-'),
            OptionNames.Where(o => o.StartsWith("--", StringComparison.Ordinal))
        );
        return new UsageException(
            $"Unknown option '{name}'. Did you mean '{closest}'? (run with --help to list parameters)"
        );
    }

    private static bool Matches(BuildParameter parameter, string option) =>
        ParameterNames.Canonical(option) == ParameterNames.Canonical(parameter.Name);

    private List<string> Canonicalize(IReadOnlyList<string> args)
    {
        var result = new List<string>(args.Count);
        var afterDoubleDash = false;
        foreach (var arg in args)
        {
            afterDoubleDash |= arg == "--";
            var parameter =
                !afterDoubleDash && arg.StartsWith("--", StringComparison.Ordinal)
                    ? _parameterOptions.Keys.FirstOrDefault(p => Matches(p, arg.Split('=', ':')[0]))
                    : null;
            var separator = arg.IndexOfAny(['=', ':']);
            result.Add(parameter is null ? arg : parameter.Option + (separator >= 0 ? arg[separator..] : ""));
        }

        return result;
    }
}
