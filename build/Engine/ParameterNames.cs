using System.Text;

namespace GitOpsRunners.Engine;

/// <summary>Spellings of a parameter name: <c>GitHubToken</c> -> <c>github-token</c> -> <c>GITHUB_TOKEN</c>.</summary>
public static class ParameterNames
{
    private static readonly string[] KnownWords = ["GitHub", "GitOps", "GitLab", "NuGet", "JUnit"];

    public static string ToKebabCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = new List<string>();
        var rest = name;
        while (rest.Length > 0)
        {
            var known = KnownWords.FirstOrDefault(w =>
                rest.StartsWith(w, StringComparison.Ordinal)
                && (rest.Length == w.Length || !char.IsLower(rest[w.Length]))
            );
            var length = known?.Length ?? WordLength(rest);
            words.Add(rest[..length].ToLowerInvariant());
            rest = rest[length..];
        }

        return string.Join('-', words);
    }

    public static string ToEnvironmentName(string name) => ToKebabCase(name).Replace('-', '_').ToUpperInvariant();

    /// <summary>The key used to match environment variables and file keys: lower case, no dashes or underscores.</summary>
    public static string Canonical(string name) => NameSuggester.Normalize(name);

    private static int WordLength(string text)
    {
        var i = 1;
        if (char.IsUpper(text[0]))
        {
            while (i < text.Length && char.IsUpper(text[i]) && (i + 1 == text.Length || !char.IsLower(text[i + 1])))
            {
                i++;
            }
        }

        while (i < text.Length && !char.IsUpper(text[i]))
        {
            i++;
        }

        return i;
    }
}
