using System.Reflection;

namespace GitOpsRunners.Engine;

/// <summary>Finds the <see cref="Target"/> properties of a build class (public or not) and reads their declarations.</summary>
public static class TargetDiscovery
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    public static IReadOnlyList<BuildTarget> Discover(BuildDefinition build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var delegates = build
            .GetType()
            .GetProperties(Members)
            .Where(p => p.PropertyType == typeof(Target) && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken)
            .Select(p =>
                (
                    Name: p.Name,
                    Declaration: (Target?)p.GetValue(build)
                        ?? throw new BuildException(
                            $"Target property {p.Name} returned null; declare it as `Target {p.Name} => _ => _...`."
                        )
                )
            )
            .ToList();

        var names = new Dictionary<MethodInfo, string>();
        foreach (var (name, declaration) in delegates)
        {
            names.TryAdd(declaration.Method, name);
        }

        return delegates.Select(d => Read(d.Name, d.Declaration, names)).ToList();
    }

    private static BuildTarget Read(string name, Target declaration, Dictionary<MethodInfo, string> names)
    {
        var builder = new TargetBuilder();
        declaration(builder);
        return new BuildTarget(name)
        {
            Description = builder.DescriptionText ?? "",
            DependsOn = Resolve(name, builder.Dependencies, names),
            After = Resolve(name, builder.Predecessors, names),
            Before = Resolve(name, builder.Successors, names),
            Requirements = builder.Requirements.ToList(),
            Conditions = builder.Conditions.ToList(),
            Actions = builder.Actions.ToList(),
        };
    }

    private static List<string> Resolve(string owner, List<Target> targets, Dictionary<MethodInfo, string> names) =>
        targets
            .Select(t =>
                names.TryGetValue(t.Method, out var name)
                    ? name
                    : throw new BuildException(
                        $"Target {owner} refers to a target that is not a Target property of the build class ({t.Method.Name}); pass the property itself, e.g. .DependsOn(Restore)."
                    )
            )
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
