namespace GitOpsRunners.Rendering.Substitution;

/// <summary>A 1-based line and column (in UTF-16 characters, as YamlDotNet counts them).</summary>
internal readonly record struct TextPosition(int Line, int Column)
{
    public static TextPosition Of(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new TextPosition(line, offset - lineStart + 1);
    }
}
