using System.Text.Json;

namespace GitOpsRunners.Tests.Versions.Renovate;

/// <summary>
/// Renovate's JSON log (<c>LOG_FORMAT=json</c>): one object per line, found by its <c>msg</c>.
/// </summary>
public sealed class RenovateLog(IReadOnlyList<JsonElement> records, string text)
{
    public IReadOnlyList<JsonElement> Records { get; } = records;

    /// <summary>The raw output, for assertion messages.</summary>
    public string Text { get; } = text;

    public static RenovateLog Parse(string output)
    {
        var records = new List<JsonElement>();
        foreach (var line in output.Split('\n'))
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                records.Add(document.RootElement.Clone());
            }
            catch (JsonException)
            {
                // Not a log record (a tool's own output): ignored.
            }
        }

        return new RenovateLog(records, output);
    }

    public IEnumerable<JsonElement> Messages(string message) =>
        Records.Where(r => r.TryGetProperty("msg", out var msg) && msg.GetString() == message);

    /// <summary>The one record with <paramref name="message"/>; fails with the log's errors when there is none.</summary>
    public JsonElement Single(string message)
    {
        var found = Messages(message).ToList();
        if (found.Count != 1)
        {
            throw new InvalidOperationException(
                $"Renovate logged \"{message}\" {found.Count} time(s). Its warnings and errors:\n"
                    + string.Join('\n', Problems())
            );
        }

        return found[0];
    }

    /// <summary>Records at warning level or above, as text.</summary>
    public IEnumerable<string> Problems() =>
        Records
            .Where(r => r.TryGetProperty("level", out var level) && level.GetInt32() >= 40)
            .Select(r => r.GetRawText());
}
