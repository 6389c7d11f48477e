using System.Text.RegularExpressions;
using NuGet.Versioning;

namespace GitOpsRunners.Git;

/// <summary>
/// A published GitHub release. <see cref="Version"/> is read from the tag: a leading <c>v</c> is
/// dropped and a name prefix such as <c>gha-runner-scale-set-</c> is skipped; null when the tag holds no semantic version.
/// </summary>
public sealed partial record ReleaseInfo(
    string TagName,
    SemanticVersion? Version,
    DateTimeOffset? PublishedAt,
    string HtmlUrl,
    bool Prerelease
)
{
    /// <summary>
    /// The semantic version in a tag: <c>v2.329.0</c> → 2.329.0, <c>gha-runner-scale-set-0.15.0</c> → 0.15.0.
    /// With <paramref name="tagPrefix"/>, only tags starting with it count.
    /// </summary>
    public static SemanticVersion? ParseVersion(string tag, string? tagPrefix = null)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var text = tag.Trim();
        if (!string.IsNullOrEmpty(tagPrefix))
        {
            if (!text.StartsWith(tagPrefix, StringComparison.Ordinal))
            {
                return null;
            }

            text = text[tagPrefix.Length..];
        }

        if (SemanticVersion.TryParse(StripV(text), out var whole))
        {
            return whole;
        }

        var match = TrailingVersion().Match(text);
        return match.Success && SemanticVersion.TryParse(match.Groups["v"].Value, out var trailing) ? trailing : null;
    }

    private static string StripV(string text) =>
        text.Length > 1 && (text[0] == 'v' || text[0] == 'V') && char.IsAsciiDigit(text[1]) ? text[1..] : text;

    [GeneratedRegex(@"(?:^|[-_/@])[vV]?(?<v>\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$")]
    private static partial Regex TrailingVersion();
}
