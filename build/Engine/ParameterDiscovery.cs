using System.Reflection;

namespace GitOpsRunners.Engine;

/// <summary>Finds the <c>[Parameter]</c> properties of a build and reads their initial values as defaults.</summary>
public static class ParameterDiscovery
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    private static readonly HashSet<Type> Supported = [typeof(string), typeof(bool), typeof(int), typeof(string[])];

    private static readonly HashSet<string> Reserved =
    [
        "help",
        "h",
        "plan",
        "skip",
        "profile",
        "repository-root",
        "verbosity",
        "target",
    ];

    public static IReadOnlyList<BuildParameter> Discover(BuildDefinition build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var result = new List<BuildParameter>();
        foreach (var property in build.GetType().GetProperties(Members).OrderBy(p => p.MetadataToken))
        {
            var attribute = property.GetCustomAttribute<ParameterAttribute>();
            if (attribute is null)
            {
                continue;
            }

            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (!Supported.Contains(type) && !type.IsEnum)
            {
                throw new BuildException(
                    $"Parameter {property.Name} has type {property.PropertyType.Name}; use string, bool, int, an enum or string[]."
                );
            }

            if (property.SetMethod is null)
            {
                throw new BuildException(
                    $"Parameter {property.Name} has no setter; declare it as `{property.PropertyType.Name} {property.Name} {{ get; set; }}`."
                );
            }

            var parameter = new BuildParameter(
                property.Name,
                attribute.Description,
                property.PropertyType,
                property.GetCustomAttribute<SecretAttribute>() is not null,
                property.GetValue(build)
            )
            {
                Property = property,
                Range = (attribute.Minimum, attribute.Maximum),
            };
            if (Reserved.Contains(parameter.OptionName))
            {
                throw new BuildException(
                    $"Parameter {property.Name} clashes with the built-in option {parameter.Option}; rename it."
                );
            }

            result.Add(parameter);
        }

        return result;
    }
}
