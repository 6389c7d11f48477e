namespace GitOpsRunners.Engine;

/// <summary>Closest-name lookup for typos: case-insensitive, dashes and underscores ignored.</summary>
public static class NameSuggester
{
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var wanted = Normalize(input);
        string? best = null;
        var bestScore = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var normalized = Normalize(candidate);
            var score =
                normalized.StartsWith(wanted, StringComparison.Ordinal) && wanted.Length > 0
                    ? 0
                    : Distance(wanted, normalized);
            if (score < bestScore)
            {
                (best, bestScore) = (candidate, score);
            }
        }

        return best;
    }

    public static string Normalize(string name) =>
        new(name.Where(c => c is not '-' and not '_').Select(char.ToLowerInvariant).ToArray());

    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
