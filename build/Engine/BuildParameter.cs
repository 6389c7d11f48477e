using System.Reflection;

namespace GitOpsRunners.Engine;

/// <summary>A <c>[Parameter]</c> property of the build class and the names it is known by.</summary>
public sealed record BuildParameter(string Name, string Description, Type Type, bool IsSecret, object? DefaultValue)
{
    public PropertyInfo? Property { get; init; }

    /// <summary>The range an <c>int</c> parameter accepts (<see cref="ParameterAttribute.Minimum"/>, <see cref="ParameterAttribute.Maximum"/>).</summary>
    public (int Minimum, int Maximum) Range { get; init; } = (int.MinValue, int.MaxValue);

    /// <summary>The option without dashes, e.g. <c>kubernetes-version</c>.</summary>
    public string OptionName => ParameterNames.ToKebabCase(Name);

    public string Option => "--" + OptionName;

    public string EnvironmentVariable => ParameterNames.ToEnvironmentName(Name);

    /// <summary>The type without <see cref="Nullable{T}"/>.</summary>
    public Type ValueType => Nullable.GetUnderlyingType(Type) ?? Type;

    public bool IsArray => ValueType == typeof(string[]);

    public bool IsBoolean => ValueType == typeof(bool);

    /// <summary>Allowed values of an enum parameter, in lower case, e.g. <c>text, json</c>.</summary>
    public IReadOnlyList<string> AllowedValues =>
        ValueType.IsEnum ? Enum.GetNames(ValueType).Select(n => ParameterNames.ToKebabCase(n)).ToList() : [];

    /// <summary>The help placeholder, e.g. <c>&lt;text|json&gt;</c>.</summary>
    public string ValueHint =>
        ValueType switch
        {
            _ when IsBoolean => "",
            _ when IsArray => "<value>...",
            { IsEnum: true } => "<" + string.Join('|', AllowedValues) + ">",
            _ when ValueType == typeof(int) => "<number>",
            _ => "<value>",
        };
}
