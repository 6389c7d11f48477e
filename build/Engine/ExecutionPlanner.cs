namespace GitOpsRunners.Engine;

/// <summary>
/// Pure planning: which targets run and in which order. Dependencies come first; invoked targets keep
/// the order they were given in where dependencies allow. No I/O.
/// </summary>
public static class ExecutionPlanner
{
    /// <param name="targets">Every declared target.</param>
    /// <param name="invoked">Target names from the command line (any case).</param>
    /// <param name="skipped">Target names given to <c>--skip</c>.</param>
    /// <param name="skipAllDependencies">Bare <c>--skip</c>: skip every planned target that was not invoked.</param>
    public static ExecutionPlan Plan(
        IReadOnlyList<BuildTarget> targets,
        IReadOnlyList<string> invoked,
        IReadOnlyCollection<string> skipped,
        bool skipAllDependencies = false
    )
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(invoked);
        ArgumentNullException.ThrowIfNull(skipped);

        var byName = targets.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        var predecessors = Predecessors(targets, byName);
        ThrowOnCycle(targets, predecessors);

        var invokedTargets = invoked.Select(n => Find(n, byName)).Distinct().ToList();
        var skippedNames = skipped.Select(n => Find(n, byName).Name).ToHashSet(StringComparer.Ordinal);

        var closure = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in invokedTargets)
        {
            AddWithDependencies(target, byName, closure);
        }

        var order = new List<BuildTarget>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in invokedTargets)
        {
            Place(target, predecessors, byName, closure, placed, order);
        }

        var invokedNames = invokedTargets.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        return new ExecutionPlan(
            order
                .Select(t => new PlannedTarget(
                    t,
                    invokedNames.Contains(t.Name),
                    skippedNames.Contains(t.Name) ? "--skip"
                        : skipAllDependencies && !invokedNames.Contains(t.Name) ? "--skip (not invoked)"
                        : null
                ))
                .ToList()
        );
    }

    private static BuildTarget Find(string name, Dictionary<string, BuildTarget> byName)
    {
        if (byName.TryGetValue(name, out var target))
        {
            return target;
        }

        var closest = NameSuggester.Closest(name, byName.Values.Select(t => t.Name));
        var available = string.Join(", ", byName.Values.Select(t => t.Name).Order(StringComparer.Ordinal));
        throw new UsageException($"Unknown target '{name}'. Did you mean '{closest}'? (targets: {available})");
    }

    private static Dictionary<string, List<string>> Predecessors(
        IReadOnlyList<BuildTarget> targets,
        Dictionary<string, BuildTarget> byName
    )
    {
        var result = targets.ToDictionary(t => t.Name, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var target in targets)
        {
            foreach (var name in target.DependsOn.Concat(target.After))
            {
                result[target.Name].Add(Known(target, name, byName));
            }

            foreach (var name in target.Before)
            {
                result[Known(target, name, byName)].Add(target.Name);
            }
        }

        return result;
    }

    private static string Known(BuildTarget owner, string name, Dictionary<string, BuildTarget> byName) =>
        byName.TryGetValue(name, out var target)
            ? target.Name
            : throw new BuildException($"Target {owner.Name} refers to '{name}', which is not a declared target.");

    private static void ThrowOnCycle(IReadOnlyList<BuildTarget> targets, Dictionary<string, List<string>> predecessors)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var target in targets)
        {
            Visit(target.Name);
        }

        void Visit(string name)
        {
            if (done.Contains(name))
            {
                return;
            }

            var index = path.IndexOf(name);
            if (index >= 0)
            {
                var cycle = path.Skip(index).Append(name);
                throw new BuildException(
                    $"Targets depend on each other in a cycle: {string.Join(" -> ", cycle)}. Remove one of these DependsOn/After/Before links."
                );
            }

            path.Add(name);
            foreach (var predecessor in predecessors[name])
            {
                Visit(predecessor);
            }

            path.RemoveAt(path.Count - 1);
            done.Add(name);
        }
    }

    private static void AddWithDependencies(
        BuildTarget target,
        Dictionary<string, BuildTarget> byName,
        HashSet<string> closure
    )
    {
        if (!closure.Add(target.Name))
        {
            return;
        }

        foreach (var dependency in target.DependsOn)
        {
            AddWithDependencies(byName[dependency], byName, closure);
        }
    }

    private static void Place(
        BuildTarget target,
        Dictionary<string, List<string>> predecessors,
        Dictionary<string, BuildTarget> byName,
        HashSet<string> closure,
        HashSet<string> placed,
        List<BuildTarget> order
    )
    {
        if (!placed.Add(target.Name))
        {
            return;
        }

        foreach (var predecessor in predecessors[target.Name].Where(closure.Contains))
        {
            Place(byName[predecessor], predecessors, byName, closure, placed, order);
        }

        order.Add(target);
    }
}
