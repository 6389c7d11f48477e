namespace GitOpsRunners.Engine;

/// <summary>A parameter's final value; <see cref="Origin"/> names the option, variable or file it came from.</summary>
public sealed record ResolvedParameter(BuildParameter Parameter, object? Value, ParameterSource Source, string Origin)
{
    /// <summary>The value as shown to people: secrets are never shown.</summary>
    public string Display =>
        Parameter.IsSecret
            ? (Value is null ? "(not set)" : "***")
            : Value switch
            {
                null => "(not set)",
                string[] items => "[" + string.Join(", ", items) + "]",
                Enum e => ParameterNames.ToKebabCase(e.ToString()),
                bool b => b ? "true" : "false",
                _ => Convert.ToString(Value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            };
}
