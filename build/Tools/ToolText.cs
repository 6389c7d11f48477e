namespace GitOpsRunners.Tools;

/// <summary>What a tool printed, cut to a length a person reads in a finding or an error line.</summary>
public static class ToolText
{
    /// <summary>The longest tool message a finding or error line carries.</summary>
    public const int ReadableLength = 500;

    /// <summary>
    /// <paramref name="text"/> when short enough, else its start and a note of how much was left out
    /// (the full text goes to the verbose log).
    /// </summary>
    public static string Shorten(string text, int max = ReadableLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= max
            ? text
            : $"{text[..max].TrimEnd()}… ({text.Length - max} more characters; run with --verbosity verbose for the full text)";
    }
}
