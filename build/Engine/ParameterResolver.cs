using System.Text.Json;

namespace GitOpsRunners.Engine;

/// <summary>
/// Resolves each parameter from, in order: the command line, the environment (names match ignoring case
/// and underscores), <c>.nuke/parameters.&lt;profile&gt;.json</c> for each profile (later wins),
/// <c>.nuke/parameters.json</c>, then the property's initial value. Secrets come only from the environment.
/// Reads nothing from the process: arguments, environment and root directory are inputs.
/// </summary>
public sealed class ParameterResolver(IReadOnlyList<BuildParameter> parameters)
{
    public const string DefaultFile = ".nuke/parameters.json";

    private static readonly string[] ListKeys = ["Target", "Skip"];

    public ParameterResolution Resolve(
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string> environment,
        string rootDirectory
    ) => Resolve(new BuildCommandLine(parameters).Parse(args), environment, rootDirectory);

    public ParameterResolution Resolve(
        BuildArguments arguments,
        IReadOnlyDictionary<string, string> environment,
        string rootDirectory
    )
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        var files = ReadFiles(arguments.Profiles, rootDirectory);
        var fileValues = Merge(files);
        var values = parameters.Select(p => Resolve(p, arguments, environment, fileValues)).ToList();
        return new ParameterResolution(values)
        {
            Targets = ReadList(fileValues, "Target"),
            Skip = ReadList(fileValues, "Skip"),
        };
    }

    private static ResolvedParameter Resolve(
        BuildParameter parameter,
        BuildArguments arguments,
        IReadOnlyDictionary<string, string> environment,
        Dictionary<string, (JsonElement Value, ParameterFile File)> fileValues
    )
    {
        if (!parameter.IsSecret && arguments.ParameterValues.TryGetValue(parameter.Name, out var given))
        {
            return new(
                parameter,
                ParameterValueConverter.FromText(parameter, given, "the command line"),
                ParameterSource.CommandLine,
                "command line"
            );
        }

        if (FindVariable(parameter, environment) is { } variable)
        {
            var origin = "environment variable " + variable.Key;
            var items = parameter.IsArray ? ParameterValueConverter.SplitList(variable.Value) : [variable.Value];
            return new(
                parameter,
                ParameterValueConverter.FromText(parameter, items, origin),
                ParameterSource.Environment,
                origin
            );
        }

        if (!parameter.IsSecret && fileValues.TryGetValue(parameter.Name, out var fromFile))
        {
            var source = fromFile.File.IsProfile ? ParameterSource.ProfileFile : ParameterSource.DefaultFile;
            return new(
                parameter,
                ParameterValueConverter.FromJson(parameter, fromFile.Value, fromFile.File.RelativePath),
                source,
                fromFile.File.RelativePath
            );
        }

        return new(parameter, parameter.DefaultValue, ParameterSource.Default, "default");
    }

    private static KeyValuePair<string, string>? FindVariable(
        BuildParameter parameter,
        IReadOnlyDictionary<string, string> environment
    )
    {
        if (environment.TryGetValue(parameter.EnvironmentVariable, out var exact) && exact.Length > 0)
        {
            return new(parameter.EnvironmentVariable, exact);
        }

        var wanted = ParameterNames.Canonical(parameter.Name);
        return environment
            .Where(e => e.Value.Length > 0 && ParameterNames.Canonical(e.Key) == wanted)
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => (KeyValuePair<string, string>?)e)
            .FirstOrDefault();
    }

    private static List<ParameterFile> ReadFiles(IReadOnlyList<string> profiles, string rootDirectory)
    {
        var files = new List<ParameterFile>();
        if (ParameterFile.Read(rootDirectory, DefaultFile, isProfile: false) is { } defaults)
        {
            files.Add(defaults);
        }

        foreach (var profile in profiles)
        {
            var relative = $".nuke/parameters.{profile}.json";
            files.Add(
                ParameterFile.Read(rootDirectory, relative, isProfile: true)
                    ?? throw new UsageException(
                        $"Profile '{profile}' not found: expected {relative}{AvailableProfiles(rootDirectory)}."
                    )
            );
        }

        return files;
    }

    private static string AvailableProfiles(string rootDirectory)
    {
        var folder = Path.Combine(rootDirectory, ".nuke");
        var names = Directory.Exists(folder)
            ? Directory
                .EnumerateFiles(folder, "parameters.*.json")
                .Select(f => Path.GetFileName(f)["parameters.".Length..^".json".Length])
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        return names.Count == 0 ? " (no profiles exist)" : " (profiles: " + string.Join(", ", names) + ")";
    }

    private Dictionary<string, (JsonElement Value, ParameterFile File)> Merge(List<ParameterFile> files)
    {
        var merged = new Dictionary<string, (JsonElement, ParameterFile)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var (key, value) in file.Values)
            {
                if (key == "$schema")
                {
                    continue;
                }

                merged[CanonicalKey(key, file)] = (value, file);
            }
        }

        return merged;
    }

    private string CanonicalKey(string key, ParameterFile file)
    {
        var canonical = ParameterNames.Canonical(key);
        if (ListKeys.FirstOrDefault(k => ParameterNames.Canonical(k) == canonical) is { } listKey)
        {
            return listKey;
        }

        var parameter = parameters.FirstOrDefault(p => ParameterNames.Canonical(p.Name) == canonical);
        if (parameter is null)
        {
            var closest = NameSuggester.Closest(
                key,
                parameters.Where(p => !p.IsSecret).Select(p => p.Name).Concat(ListKeys)
            );
            throw new UsageException($"Unknown parameter '{key}' in {file.RelativePath}. Did you mean '{closest}'?");
        }

        if (parameter.IsSecret)
        {
            throw new UsageException(
                $"{parameter.Name} in {file.RelativePath} is a secret and is read only from the environment: remove it from the file and set {parameter.EnvironmentVariable}."
            );
        }

        return parameter.Name;
    }

    private static string[]? ReadList(Dictionary<string, (JsonElement Value, ParameterFile File)> values, string key)
    {
        if (!values.TryGetValue(key, out var entry))
        {
            return null;
        }

        var list = new BuildParameter(key, "", typeof(string[]), IsSecret: false, DefaultValue: null);
        return (string[]?)ParameterValueConverter.FromJson(list, entry.Value, entry.File.RelativePath);
    }
}
