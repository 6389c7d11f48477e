namespace GitOpsRunners.Manifests;

/// <summary>A plain scalar as go-yaml v2 reads it: its JSON type and JSON text (<c>true</c>, <c>511</c>, <c>NaN</c>).</summary>
public sealed record GoYamlValue(GoYamlKind Kind, string Text)
{
    public static GoYamlValue True { get; } = new(GoYamlKind.Bool, "true");
    public static GoYamlValue False { get; } = new(GoYamlKind.Bool, "false");
    public static GoYamlValue Null { get; } = new(GoYamlKind.Null, "null");

    public static GoYamlValue String(string text) => new(GoYamlKind.String, text);

    /// <summary>NaN and infinities, which Go's encoding/json refuses ("json: unsupported value").</summary>
    public bool IsUnsupportedNumber => Kind == GoYamlKind.Float && Text is "NaN" or "+Inf" or "-Inf";
}
