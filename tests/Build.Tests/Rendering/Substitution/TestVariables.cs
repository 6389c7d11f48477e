namespace GitOpsRunners.Tests.Rendering.Substitution;

/// <summary>Builds variable maps from "name=value;name=value" (a value may contain '=').</summary>
internal static class TestVariables
{
    public static Dictionary<string, string> Parse(string spec) =>
        spec.Length == 0
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : spec.Split(';')
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
}
