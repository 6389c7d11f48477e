namespace GitOpsRunners.Rendering.Substitution;

// PLACEHOLDER: replaced by the substitution library on merge.
public static class PostBuildVariables
{
    public static IReadOnlyDictionary<string, string> Merge(
        IEnumerable<IReadOnlyDictionary<string, string>> substituteFromInOrder,
        IReadOnlyDictionary<string, string>? substitute)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in substituteFromInOrder.Append(substitute ?? new Dictionary<string, string>()))
        {
            foreach (var (key, value) in source)
            {
                merged[key] = value.Replace("\n", "", StringComparison.Ordinal);
            }
        }

        return merged;
    }
}
