namespace GitOpsRunners.Manifests;

/// <summary>The JSON type go-yaml v2 gives a plain scalar.</summary>
public enum GoYamlKind
{
    String,
    Null,
    Bool,
    Int,
    Float,
}
