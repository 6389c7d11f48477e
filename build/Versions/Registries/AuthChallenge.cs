using System.Net.Http.Headers;
using System.Text;

namespace GitOpsRunners.Versions.Registries;

/// <summary>
/// One <c>WWW-Authenticate</c> challenge, e.g.
/// <c>Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:org/x:pull"</c>.
/// Parameter names are case-insensitive; quoted values may hold commas and escaped quotes.
/// </summary>
public sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    public string? Realm => Parameter("realm");

    public string? Service => Parameter("service");

    public string? Scope => Parameter("scope");

    public string? Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value : null;

    /// <summary>The Bearer challenge if there is one, else the Basic one, else null.</summary>
    public static AuthChallenge? Select(HttpHeaderValueCollection<AuthenticationHeaderValue> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var challenges = headers.Select(h => Parse(h.Scheme, h.Parameter)).ToList();
        return challenges.FirstOrDefault(c => c.IsBearer) ?? challenges.FirstOrDefault(c => c.IsBasic);
    }

    public static AuthChallenge Parse(string scheme, string? parameters)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var text = parameters ?? "";
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ',' || char.IsWhiteSpace(text[i])))
                i++;
            var nameStart = i;
            while (i < text.Length && text[i] != '=' && text[i] != ',')
                i++;
            var name = text[nameStart..i].Trim();
            if (i >= text.Length || text[i] != '=')
                continue;
            i++;
            var value = new StringBuilder();
            if (i < text.Length && text[i] == '"')
            {
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                        i++;
                    value.Append(text[i++]);
                }

                i++;
            }
            else
            {
                while (i < text.Length && text[i] != ',')
                    value.Append(text[i++]);
            }

            if (name.Length > 0)
                result[name] = value.ToString().Trim();
        }

        return new AuthChallenge(scheme, result);
    }
}
