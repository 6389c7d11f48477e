using Newtonsoft.Json.Linq;

namespace GitOpsRunners.Validation.Schemas;

/// <summary>
/// One schema error: the path of the offending node (property names and array indexes, as strings; for an
/// unknown property the property itself),
/// a kubeconform-like message, and the JSON token it was found on.
/// </summary>
public sealed record SchemaViolation(IReadOnlyList<string> Path, string Message, JToken? Token)
{
    /// <summary>The path as a JSON pointer, e.g. <c>/spec/replicas</c>; empty for the document root.</summary>
    public string Pointer =>
        string.Concat(
            Path.Select(segment =>
                "/" + segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)
            )
        );
}
