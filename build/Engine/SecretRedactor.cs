namespace GitOpsRunners.Engine;

/// <summary>Replaces known secret values in text that is about to be printed.</summary>
public sealed class SecretRedactor(IEnumerable<string> secrets)
{
    private readonly string[] _secrets = secrets.Where(s => s.Length >= 4).OrderByDescending(s => s.Length).ToArray();

    public static SecretRedactor None { get; } = new([]);

    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _secrets.Aggregate(text, (current, secret) => current.Replace(secret, "***", StringComparison.Ordinal));
    }
}
