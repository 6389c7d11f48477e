using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Validation.Schemas;

/// <summary>
/// Walks a YAML tree along a JSON path (property names and array indexes) and returns the deepest node reached:
/// the key node for the last property (so an unknown field points at its own line), otherwise the value.
/// </summary>
public static class YamlNodeLocator
{
    public static YamlNode Find(YamlNode root, IReadOnlyList<string> path)
    {
        YamlNode current = root;
        for (var i = 0; i < path.Count; i++)
        {
            var segment = path[i];
            switch (current)
            {
                case YamlMappingNode mapping:
                    var entry = mapping.Children.FirstOrDefault(child =>
                        YamlJsonConverter.KeyText(child.Key) == segment
                    );
                    if (entry.Key is null)
                    {
                        return current;
                    }

                    if (i == path.Count - 1)
                    {
                        return entry.Key;
                    }

                    current = entry.Value;
                    break;
                case YamlSequenceNode sequence
                    when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                        && index < sequence.Children.Count:
                    current = sequence.Children[index];
                    break;
                default:
                    return current;
            }
        }

        return current;
    }
}
