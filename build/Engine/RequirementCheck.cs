using System.Text.RegularExpressions;

namespace GitOpsRunners.Engine;

/// <summary>Checks, before anything runs, that every planned target has the parameters it requires.</summary>
public static partial class RequirementCheck
{
    public static void ThrowIfMissing(ExecutionPlan plan, IReadOnlyList<BuildParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(parameters);
        var missing = plan
            .Steps.Where(s => !s.Skipped)
            .SelectMany(s =>
                s.Target.Requirements.Where(r => r.Applies() && !r.IsSatisfied())
                    .Select(r => $"{s.Name} requires {Describe(r, parameters)}{Condition(r, parameters)}")
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

    /// <summary>
    /// The condition in the words of the command line: <c>Pr &amp;&amp; !DryRun</c> reads
    /// <c> with --pr and no --dry-run</c>, <c>DispatchWorkflow is not null</c> reads <c> with --dispatch-workflow</c>.
    /// </summary>
    private static string Condition(TargetRequirement requirement, IReadOnlyList<BuildParameter> parameters)
    {
        if (requirement.When is not { } when)
        {
            return "";
        }

        var text = NotNull().Replace(when.Text, "");
        text = Identifier()
            .Replace(
                text,
                m =>
                    parameters.FirstOrDefault(p => p.Name == m.Groups["name"].Value) is { } parameter
                        ? (m.Groups["not"].Success ? "no " : "") + parameter.Option
                        : m.Value
            )
            .Replace("&&", "and", StringComparison.Ordinal)
            .Replace("||", "or", StringComparison.Ordinal);
        return $" with {text}";
    }

    [GeneratedRegex(@"\s+is\s+not\s+null\b")]
    private static partial Regex NotNull();

    [GeneratedRegex(@"(?<not>!\s*)?\b(?:this\.)?(?<name>[A-Za-z_][A-Za-z0-9_]*)\b")]
    private static partial Regex Identifier();
}
