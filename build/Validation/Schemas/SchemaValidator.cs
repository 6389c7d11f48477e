namespace GitOpsRunners.Validation.Schemas;

/// <summary>Which engine checks objects against their JSON schemas.</summary>
public enum SchemaValidator
{
    Builtin,
    Kubeconform,
}
