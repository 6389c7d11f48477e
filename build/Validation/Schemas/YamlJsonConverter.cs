using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Validation.Schemas;

/// <summary>
/// Converts a YamlDotNet node to JSON: plain scalars typed by the YAML 1.2 core schema, quoted and block
/// scalars as strings, explicit <c>!!str/!!int/!!float/!!bool/!!null</c> tags honoured, <c>&lt;&lt;</c> merge keys applied.
/// </summary>
public static class YamlJsonConverter
{
    private const string TagPrefix = "tag:yaml.org,2002:";

    public static JToken Convert(YamlNode node) =>
        node switch
        {
            YamlMappingNode mapping => ConvertMapping(mapping),
            YamlSequenceNode sequence => new JArray(sequence.Children.Select(Convert)),
            YamlScalarNode scalar => ConvertScalar(scalar),
            _ => JValue.CreateNull(),
        };

    public static JToken ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        return tag switch
        {
            TagPrefix + "str" => new JValue(text),
            TagPrefix + "null" => JValue.CreateNull(),
            TagPrefix + "bool" or TagPrefix + "int" or TagPrefix + "float" => YamlCoreSchema.Resolve(text),
            _ when tag is not null && tag != "!" => new JValue(text),
            _ when scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && tag is null => YamlCoreSchema.Resolve(text),
            _ => new JValue(text),
        };
    }

    /// <summary>The JSON property name of a mapping key (scalars by their text, others as compact JSON).</summary>
    public static string KeyText(YamlNode key) =>
        key is YamlScalarNode scalar ? scalar.Value ?? "" : Convert(key).ToString(Newtonsoft.Json.Formatting.None);

    private static JObject ConvertMapping(YamlMappingNode mapping)
    {
        var result = new JObject();
        foreach (var (key, value) in mapping.Children)
        {
            if (IsMergeKey(key))
            {
                continue;
            }

            result[KeyText(key)] = Convert(value);
        }

        foreach (var (key, value) in mapping.Children.Where(child => IsMergeKey(child.Key)))
        {
            var sources = value is YamlSequenceNode list ? list.Children : [value];
            foreach (var source in sources.OfType<YamlMappingNode>())
            {
                foreach (var merged in ConvertMapping(source).Properties().Where(p => !result.ContainsKey(p.Name)))
                {
                    result.Add(merged.Name, merged.Value);
                }
            }
        }

        return result;
    }

    private static bool IsMergeKey(YamlNode key) =>
        key is YamlScalarNode { Value: "<<", Style: ScalarStyle.Plain or ScalarStyle.Any };
}
