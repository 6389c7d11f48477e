using GitOpsRunners.Manifests;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Rendering;

/// <summary>
/// kustomize-controller reads a substituted resource back with sigs.k8s.io/yaml's <c>YAMLToJSON</c>, which types
/// plain scalars by go-yaml v2's YAML 1.1 rules (<see cref="GoYamlV2Resolver"/>): <c>FEATURE: ${FLAG}</c> with
/// <c>FLAG=yes</c> is the boolean <c>true</c>. This rewrites each plain scalar to what the API server receives
/// (<c>true</c>, <c>511</c>, a double-quoted string where a plain one would read otherwise) and turns mapping keys
/// into the strings YAMLToJSON makes of them, so Render shows and schema checks see what Flux applies.
/// </summary>
internal static class SubstitutedYamlTyping
{
    /// <summary>Types <paramref name="root"/> in place; returns Go's error when a value cannot be JSON (NaN, ±Inf, a null key).</summary>
    public static string? Apply(YamlNode root)
    {
        switch (root)
        {
            case YamlScalarNode scalar:
                return Value(scalar);
            case YamlSequenceNode sequence:
                return sequence.Children.Select(Apply).FirstOrDefault(e => e is not null);
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var error = (key is YamlScalarNode k ? Key(k) : null) ?? Apply(value);
                    if (error is not null)
                    {
                        return error;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool IsPlain(YamlScalarNode scalar) =>
        scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && (scalar.Tag.IsEmpty || scalar.Tag.Value == "!");

    private static string? Value(YamlScalarNode scalar)
    {
        if (!IsPlain(scalar))
        {
            return null;
        }

        var resolved = GoYamlV2Resolver.Resolve(scalar.Value ?? "");
        if (resolved.IsUnsupportedNumber)
        {
            return $"json: unsupported value: {resolved.Text}";
        }

        if (resolved.Kind == GoYamlKind.String)
        {
            if (MayReadAsNonString(resolved.Text))
            {
                scalar.Style = ScalarStyle.DoubleQuoted;
            }

            return null;
        }

        scalar.Value = resolved.Text;
        return null;
    }

    /// <summary>YAMLToJSON's key strings: <c>true</c>/<c>false</c>, decimal integers, floats at float32 precision.</summary>
    private static string? Key(YamlScalarNode key)
    {
        if (!IsPlain(key))
        {
            return null;
        }

        var resolved = GoYamlV2Resolver.Resolve(key.Value ?? "");
        switch (resolved.Kind)
        {
            case GoYamlKind.Null:
                return $"unsupported map key of type: <nil>, key: '{key.Value}'";
            case GoYamlKind.Float:
                key.Value = resolved.IsUnsupportedNumber
                    ? resolved.Text switch
                    {
                        "+Inf" => ".inf",
                        "-Inf" => "-.inf",
                        _ => ".nan",
                    }
                    : ((float)double.Parse(resolved.Text, System.Globalization.CultureInfo.InvariantCulture)).ToString(
                        "R",
                        System.Globalization.CultureInfo.InvariantCulture
                    );
                break;
            case GoYamlKind.Bool or GoYamlKind.Int:
                key.Value = resolved.Text;
                break;
        }

        return null;
    }

    /// <summary>Plain text another YAML reader (the YAML 1.2 core schema) could take for a number, boolean or null.</summary>
    private static bool MayReadAsNonString(string text) =>
        text.Length == 0
        || text[0] is '.' or '+' or '-' or '~'
        || char.IsAsciiDigit(text[0])
        || text.Equals("null", StringComparison.OrdinalIgnoreCase)
        || text.Equals("true", StringComparison.OrdinalIgnoreCase)
        || text.Equals("false", StringComparison.OrdinalIgnoreCase);
}
