namespace GitOpsRunners.Engine;

/// <summary>Every parameter's value, plus <c>Target</c>/<c>Skip</c> lists found in parameter files.</summary>
public sealed record ParameterResolution(IReadOnlyList<ResolvedParameter> Values)
{
    /// <summary>Targets from a parameters file (<c>"Target": [...]</c>), used when none are given on the command line.</summary>
    public IReadOnlyList<string>? Targets { get; init; }

    /// <summary>Targets to skip from a parameters file (<c>"Skip": [...]</c>), used without <c>--skip</c>.</summary>
    public IReadOnlyList<string>? Skip { get; init; }

    public ResolvedParameter this[string name] =>
        Values.FirstOrDefault(v => string.Equals(v.Parameter.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"No parameter named {name}.");

    /// <summary>Values of secrets that are set, for masking and redaction.</summary>
    public IEnumerable<string> SecretValues =>
        Values.Where(v => v.Parameter.IsSecret && v.Value is string { Length: > 0 }).Select(v => (string)v.Value!);

    public void ApplyTo(BuildDefinition build)
    {
        foreach (var value in Values)
        {
            value.Parameter.Property?.SetValue(build, value.Value);
        }
    }
}
