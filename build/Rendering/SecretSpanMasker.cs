using GitOpsRunners.Rendering.Substitution;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Rendering;

/// <summary>
/// Masks exactly the characters that a substitution took from a Secret: in the tree parsed from the substituted
/// text, each scalar (key or value) that overlaps such a span has that part of its value replaced by
/// <c>..PLACEHOLDER_VAR..</c>; equal text elsewhere (a name, a label key, another value) is left alone.
/// </summary>
/// <remarks>
/// The span's text is found in the scalar's value by its occurrence count within the scalar's source text, which
/// holds for plain, quoted and block scalars alike; when escaping or folding changed it beyond recognition, the
/// whole scalar is masked rather than anything being left readable.
/// </remarks>
internal static class SecretSpanMasker
{
    public static void Mask(YamlNode root, string text, IReadOnlyList<SubstitutedSpan> secretSpans)
    {
        var spans = secretSpans.Where(s => s.Length > 0).OrderBy(s => s.Start).ToList();
        if (spans.Count == 0)
        {
            return;
        }

        foreach (var scalar in Scalars(root))
        {
            MaskScalar(scalar, text, spans);
        }
    }

    private static IEnumerable<YamlScalarNode> Scalars(YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                yield return scalar;
                break;
            case YamlSequenceNode sequence:
                foreach (var scalar in sequence.Children.SelectMany(Scalars))
                {
                    yield return scalar;
                }

                break;
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    foreach (var scalar in Scalars(key).Concat(Scalars(value)))
                    {
                        yield return scalar;
                    }
                }

                break;
        }
    }

    private static void MaskScalar(YamlScalarNode scalar, string text, List<SubstitutedSpan> spans)
    {
        var start = (int)scalar.Start.Index;
        var end = Math.Min(text.Length, (int)scalar.End.Index);
        var value = scalar.Value ?? "";
        var overlapping = spans.Where(s => s.Start < end && s.End > start).ToList();
        if (overlapping.Count == 0 || value.Length == 0)
        {
            return;
        }

        var raw = text[start..end];
        var replacements = new List<(int At, int Length, string With)>();
        foreach (var span in overlapping)
        {
            var from = Math.Max(start, span.Start) - start;
            var to = Math.Min(end, span.End) - start;
            var secret = raw[from..to];
            var at = NthIndexOf(value, secret, Occurrences(raw[..from], secret));
            if (at < 0 || replacements.Any(r => at < r.At + r.Length && r.At < at + secret.Length))
            {
                scalar.Value = string.Concat(overlapping.Select(Placeholder).Distinct(StringComparer.Ordinal));
                return;
            }

            replacements.Add((at, secret.Length, Placeholder(span)));
        }

        foreach (var (at, length, with) in replacements.OrderByDescending(r => r.At))
        {
            value = string.Concat(value.AsSpan(0, at), with, value.AsSpan(at + length));
        }

        scalar.Value = value;
    }

    private static string Placeholder(SubstitutedSpan span) =>
        SubstitutionVariables.Placeholder(span.Variables.Count > 0 ? span.Variables[0] : "SECRET");

    private static int Occurrences(string haystack, string needle)
    {
        var count = 0;
        for (
            var i = haystack.IndexOf(needle, StringComparison.Ordinal);
            i >= 0;
            i = haystack.IndexOf(needle, i + needle.Length, StringComparison.Ordinal)
        )
        {
            count++;
        }

        return count;
    }

    private static int NthIndexOf(string haystack, string needle, int n)
    {
        var at = haystack.IndexOf(needle, StringComparison.Ordinal);
        for (var i = 0; i < n && at >= 0; i++)
        {
            at = haystack.IndexOf(needle, at + needle.Length, StringComparison.Ordinal);
        }

        return at;
    }
}
