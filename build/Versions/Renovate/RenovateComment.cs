using System.Text.RegularExpressions;

namespace GitOpsRunners.Versions.Renovate;

/// <summary>
/// A <c># renovate: datasource=… depName=… [registryUrl=…]</c> comment, as renovate.json's regex managers read it.
/// </summary>
public sealed partial record RenovateComment(string? Datasource, string? DepName, string? RegistryUrl)
{
    /// <summary>The comment for <paramref name="line"/>, or null when the line is no <c># renovate:</c> comment.</summary>
    public static RenovateComment? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = CommentPattern().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var fields = match
            .Groups["fields"]
            .Value.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('=', 2))
            .Where(f => f.Length == 2)
            .GroupBy(f => f[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
        return new RenovateComment(
            fields.GetValueOrDefault("datasource"),
            fields.GetValueOrDefault("depName"),
            fields.GetValueOrDefault("registryUrl")
        );
    }

    public override string ToString() =>
        $"# renovate: datasource={Datasource} depName={DepName}"
        + (RegistryUrl is null ? "" : $" registryUrl={RegistryUrl}");

    [GeneratedRegex(@"^\s*#\s*renovate:(?<fields>.*)$")]
    private static partial Regex CommentPattern();
}
