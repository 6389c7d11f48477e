namespace GitOpsRunners.Versions.Editing;

/// <summary>
/// One change to one scalar. With <see cref="OldPart"/> null the scalar's whole value becomes
/// <see cref="NewValue"/>; otherwise the single occurrence of <see cref="OldPart"/> inside the value is
/// replaced by <see cref="NewValue"/>. When <see cref="Expected"/> is set the current value must equal it,
/// so an edit planned against an older text fails instead of changing the wrong thing.
/// </summary>
public sealed record YamlEdit(
    YamlScalarAddress Target,
    string NewValue,
    string? OldPart = null,
    string? Expected = null
)
{
    public static YamlEdit Set(YamlScalarAddress target, string value, string? expected = null) =>
        new(target, value, null, expected);

    public static YamlEdit ReplaceInScalar(
        YamlScalarAddress target,
        string oldPart,
        string newPart,
        string? expected = null
    )
    {
        ArgumentException.ThrowIfNullOrEmpty(oldPart);
        return new(target, newPart, oldPart, expected);
    }

    /// <summary>The scalar's value after this edit, or null when <see cref="OldPart"/> does not occur exactly once.</summary>
    public string? ApplyTo(string value)
    {
        if (OldPart is null)
        {
            return NewValue;
        }

        var first = value.IndexOf(OldPart, StringComparison.Ordinal);
        if (first < 0 || value.IndexOf(OldPart, first + 1, StringComparison.Ordinal) >= 0)
        {
            return null;
        }

        return string.Concat(value.AsSpan(0, first), NewValue, value.AsSpan(first + OldPart.Length));
    }

    public override string ToString() =>
        OldPart is null ? $"set {Target} to '{NewValue}'" : $"replace '{OldPart}' with '{NewValue}' in {Target}";
}
