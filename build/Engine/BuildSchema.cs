using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GitOpsRunners.Engine;

/// <summary>
/// The JSON schema of <c>.nuke/parameters*.json</c>: one property per non-secret parameter plus
/// <c>Target</c> and <c>Skip</c> arrays of target names. Editors use it for completion and checking.
/// </summary>
public static class BuildSchema
{
    public const string RelativePath = ".nuke/build.schema.json";

    public static string Generate(IReadOnlyList<BuildParameter> parameters, IReadOnlyList<BuildTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(targets);
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, options))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            json.WriteString("title", "Build parameters");
            json.WriteString("type", "object");
            json.WriteStartObject("properties");
            json.WriteStartObject("$schema");
            json.WriteString("type", "string");
            json.WriteEndObject();
            foreach (var parameter in parameters.Where(p => !p.IsSecret))
            {
                json.WriteStartObject(parameter.Name);
                json.WriteString("description", parameter.Description);
                WriteType(json, parameter);
                json.WriteEndObject();
            }

            var names = targets.Select(t => t.Name).ToList();
            WriteTargetList(json, "Target", "Targets to run when none are given on the command line", names);
            WriteTargetList(json, "Skip", "Targets to skip when --skip is not given on the command line", names);
            json.WriteEndObject();
            json.WriteBoolean("additionalProperties", false);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>Writes the schema under <paramref name="rootDirectory"/> when its content changed; returns true if written.</summary>
    public static bool WriteIfChanged(string rootDirectory, string content)
    {
        var path = Path.Combine(rootDirectory, RelativePath);
        if (File.Exists(path) && File.ReadAllText(path) == content)
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return true;
    }

    private static void WriteType(Utf8JsonWriter json, BuildParameter parameter)
    {
        switch (parameter)
        {
            case { IsArray: true }:
                json.WriteString("type", "array");
                json.WriteStartObject("items");
                json.WriteString("type", "string");
                json.WriteEndObject();
                break;
            case { IsBoolean: true }:
                json.WriteString("type", "boolean");
                break;
            case { ValueType.IsEnum: true }:
                json.WriteString("type", "string");
                WriteEnum(json, parameter.AllowedValues);
                break;
            case var _ when parameter.ValueType == typeof(int):
                json.WriteString("type", "integer");
                break;
            default:
                json.WriteString("type", "string");
                break;
        }
    }

    private static void WriteTargetList(
        Utf8JsonWriter json,
        string name,
        string description,
        IReadOnlyList<string> targets
    )
    {
        json.WriteStartObject(name);
        json.WriteString("description", description);
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteString("type", "string");
        WriteEnum(json, targets);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteEnum(Utf8JsonWriter json, IEnumerable<string> values)
    {
        json.WriteStartArray("enum");
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
