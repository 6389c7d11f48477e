using System.Text.RegularExpressions;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Validation.Rules;

/// <summary>Finds token-like strings (GitHub tokens, private keys) in any text file of the tree.</summary>
public static partial class TokenScanner
{
    public static IEnumerable<Finding> Scan(string relativePath, string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match match in TokenPattern().Matches(lines[i]))
            {
                var kind = match.Value.StartsWith("-----", StringComparison.Ordinal)
                    ? "a private key"
                    : $"a GitHub token ({match.Value[..Math.Min(match.Value.Length, 11)]}…)";
                yield return new Finding(
                    PlaintextSecretPolicy.Descriptor,
                    $"{kind} is committed in clear text; revoke it, remove it from history, and load it from Azure Key Vault",
                    new SourceLocation(relativePath, i + 1, match.Index + 1)
                );
            }
        }
    }

    [GeneratedRegex(
        @"\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b|-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----"
    )]
    private static partial Regex TokenPattern();
}
