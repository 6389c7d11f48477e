namespace GitOpsRunners.Engine;

/// <summary>
/// Marks a settable property of the build class as a parameter: <c>--kebab-name</c> on the command line,
/// <c>UPPER_SNAKE</c> in the environment, <c>PascalName</c> in <c>.nuke/parameters*.json</c>.
/// Supported types: string, bool, int, enums and string[] (nullable forms too).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ParameterAttribute(string description) : Attribute
{
    public string Description { get; } = description;

    /// <summary>The smallest value an <c>int</c> parameter accepts.</summary>
    public int Minimum { get; init; } = int.MinValue;

    /// <summary>The largest value an <c>int</c> parameter accepts.</summary>
    public int Maximum { get; init; } = int.MaxValue;
}
