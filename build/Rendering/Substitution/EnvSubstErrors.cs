namespace GitOpsRunners.Rendering.Substitution;

/// <summary>Builds the syntax errors of <see cref="EnvSubstParser"/>, quoting the expression and its position.</summary>
internal sealed class EnvSubstErrors(string text)
{
    private const string LiteralHint = "to write a literal \"${\", escape it as \"$${\"";
    private const int SnippetLength = 40;

    public SubstitutionException Unclosed(int start) =>
        Fail(start, $"missing closing brace: \"{Snippet(start)}\" is never closed; {LiteralHint}");

    public SubstitutionException BadName(int start) =>
        Fail(
            start,
            $"unable to parse variable name in \"{Snippet(start)}\": a name is letters, digits and underscores; {LiteralHint}"
        );

    public SubstitutionException NoClosingBrace(int start, string name, char found) =>
        found is '-' or '+' or '?'
            ? Fail(
                start,
                $"missing closing brace in \"{Snippet(start)}\": Flux's envsubst has no \"${{{name}{found}…}}\" operator; "
                    + $"use \"${{{name}:-default}}\" for a default",
                name
            )
            : Fail(
                start,
                $"missing closing brace in \"{Snippet(start)}\": expected \"}}\" after \"{name}\"; {LiteralHint}",
                name
            );

    public SubstitutionException Malformed(int start, string detail) =>
        Fail(start, $"bad substitution in \"{Snippet(start)}\": {detail}; {LiteralHint}");

    private SubstitutionException Fail(int start, string reason, string? variable = null)
    {
        var position = TextPosition.Of(text, start);
        return new SubstitutionException(reason, variable, position.Line, position.Column);
    }

    private string Snippet(int start)
    {
        var line = text.AsSpan(start);
        var newline = line.IndexOfAny('\r', '\n');
        if (newline >= 0)
        {
            line = line[..newline];
        }

        return line.Length > SnippetLength ? string.Concat(line[..SnippetLength], "…") : line.ToString();
    }
}
