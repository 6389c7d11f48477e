using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Manifests;

/// <summary>
/// A Kubernetes label selector (<c>matchLabels</c> and <c>matchExpressions</c>) as apimachinery's
/// <c>LabelSelectorAsSelector</c> reads it: every requirement must hold; an empty selector selects everything; an
/// expression with an unknown operator, or <c>In</c>/<c>NotIn</c> without values, makes the selector invalid, and an
/// invalid selector selects nothing here (the API server or controller refuses it).
/// </summary>
public static class LabelSelector
{
    public static bool Selects(YamlMappingNode selector, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(labels);
        var equal = selector
            .MappingAt("matchLabels")
            .StringMap()
            .All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
        return equal && selector.ItemsAt("matchExpressions").All(expression => Holds(expression, labels));
    }

    private static bool Holds(YamlNode expression, IReadOnlyDictionary<string, string> labels)
    {
        if (expression.ScalarAt("key") is not { Length: > 0 } key)
        {
            return false;
        }

        var values = expression.ItemsAt("values").Select(v => v.ScalarAt()).OfType<string>().ToHashSet();
        var present = labels.TryGetValue(key, out var value);
        return expression.ScalarAt("operator") switch
        {
            "In" => values.Count > 0 && present && values.Contains(value!),
            "NotIn" => values.Count > 0 && (!present || !values.Contains(value!)),
            "Exists" => values.Count == 0 && present,
            "DoesNotExist" => values.Count == 0 && !present,
            _ => false,
        };
    }
}
