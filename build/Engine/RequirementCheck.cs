namespace GitOpsRunners.Engine;

/// <summary>Checks, before anything runs, that every planned target has the parameters it requires.</summary>
public static class RequirementCheck
{
    public static void ThrowIfMissing(ExecutionPlan plan, IReadOnlyList<BuildParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(parameters);
        var missing = plan
            .Steps.Where(s => !s.Skipped)
            .SelectMany(s =>
                s.Target.Requirements.Where(r => !r.IsSatisfied())
                    .Select(r => $"{s.Name} requires {Describe(r, parameters)}")
            )
            .ToList();
        if (missing.Count > 0)
        {
            throw new UsageException(string.Join("; ", missing) + ".");
        }
    }

    private static string Describe(TargetRequirement requirement, IReadOnlyList<BuildParameter> parameters)
    {
        var parameter = parameters.FirstOrDefault(p => p.Name == requirement.MemberName);
        return parameter switch
        {
            null => $"{requirement.Expression} to have a value",
            { IsSecret: true } => $"the environment variable {parameter.EnvironmentVariable}",
            _ => $"{parameter.Option} (or environment variable {parameter.EnvironmentVariable})",
        };
    }
}
