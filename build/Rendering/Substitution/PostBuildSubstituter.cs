using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Rendering.Substitution;

// PLACEHOLDER: replaced by the substitution library on merge. Supports ${var}, ${var:=d}, ${var:-d}, ${var=d}, ${var-d} and $${ escapes only.
public static partial class PostBuildSubstituter
{
    public static string Apply(string resourceYaml, IReadOnlyDictionary<string, string> variables, SubstituteStrategy strategy, bool strict, bool disabledByLabelOrAnnotation)
    {
        if (disabledByLabelOrAnnotation || (strategy == SubstituteStrategy.WithVariables && variables.Count == 0))
        {
            return resourceYaml;
        }

        var output = new StringBuilder();
        var last = 0;
        foreach (Match m in Reference().Matches(resourceYaml))
        {
            output.Append(resourceYaml, last, m.Index - last);
            last = m.Index + m.Length;
            if (m.Value.StartsWith("$$", StringComparison.Ordinal))
            {
                output.Append(m.Value[1..]);
                continue;
            }

            var name = m.Groups["name"].Value;
            if (variables.TryGetValue(name, out var value) && !(m.Groups["op"].Value.Contains(':', StringComparison.Ordinal) && value.Length == 0))
            {
                output.Append(value);
            }
            else if (m.Groups["op"].Success)
            {
                output.Append(m.Groups["default"].Value);
            }
            else if (strict)
            {
                var line = resourceYaml.AsSpan(0, m.Index).Count('\n') + 1;
                var column = m.Index - resourceYaml.LastIndexOf('\n', Math.Max(0, m.Index - 1)) ;
                throw new SubstitutionException($"variable not set (strict mode): \"{name}\"", name, line, column);
            }
        }

        output.Append(resourceYaml, last, resourceYaml.Length - last);
        return output.ToString();
    }

    public static bool IsSubstitutionDisabled(YamlMappingNode resource)
    {
        foreach (var section in new[] { "labels", "annotations" })
        {
            if (resource.Children.TryGetValue(new YamlScalarNode("metadata"), out var metadata) && metadata is YamlMappingNode meta
                && meta.Children.TryGetValue(new YamlScalarNode(section), out var node) && node is YamlMappingNode map
                && map.Children.TryGetValue(new YamlScalarNode("kustomize.toolkit.fluxcd.io/substitute"), out var v)
                && v is YamlScalarNode { Value: "disabled" })
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\$?\$\{(?<name>[_a-zA-Z][_a-zA-Z0-9]*)(?:(?<op>:?[=-])(?<default>[^}]*))?\}")]
    private static partial Regex Reference();
}
