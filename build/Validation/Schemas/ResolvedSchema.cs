using NJsonSchema;

namespace GitOpsRunners.Validation.Schemas;

/// <summary>A compiled schema and where it came from (URL, file path or CRD).</summary>
public sealed record ResolvedSchema(JsonSchema Schema, string Source);
