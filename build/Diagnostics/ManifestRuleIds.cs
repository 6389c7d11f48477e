namespace GitOpsRunners.Diagnostics;

/// <summary>Rule ids of findings about reading YAML files and Kubernetes objects, with what each one means.</summary>
public static class ManifestRuleIds
{
    public const string YamlSyntax = "yaml-syntax";
    public const string YamlDuplicateKey = "yaml-duplicate-key";
    public const string YamlAliasExpansion = "yaml-alias-expansion";
    public const string Symlink = "symlink";
    public const string YamlNotAMapping = "yaml-not-a-mapping";
    public const string MissingField = "manifest-missing-field";
    public const string FileUnreadable = "file-unreadable";

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } =
    [
        new(YamlSyntax, Severity.Error, "Flux cannot apply a file it cannot parse.", "none: fix the file"),
        new(
            YamlDuplicateKey,
            Severity.Error,
            "A duplicate key silently drops one of the values.",
            "none: fix the file"
        ),
        new(
            YamlAliasExpansion,
            Severity.Error,
            "YAML aliases that expand without end (an alias bomb) exhaust kustomize and the API server.",
            "none: write the values out"
        ),
        new(
            Symlink,
            Severity.Warning,
            "Flux's source-controller leaves symbolic links out of the artifact, so what they point at is not applied.",
            "none: replace the link with the file or folder itself"
        ),
        new(
            YamlNotAMapping,
            Severity.Error,
            "A document or list item that is not a mapping is not a Kubernetes object; kustomize and Flux reject it.",
            "none: make it a mapping or move it out of the tree"
        ),
        new(
            MissingField,
            Severity.Error,
            "The API server rejects an object without apiVersion, kind and metadata.name, and Flux needs a namespace on its own objects.",
            "none: add the missing field"
        ),
        new(
            FileUnreadable,
            Severity.Error,
            "A file Validate cannot read is not checked at all, and Flux may not be able to read it either.",
            "none: fix the file's permissions or encoding"
        ),
    ];
}
