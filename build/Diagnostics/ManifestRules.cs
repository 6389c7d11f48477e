namespace GitOpsRunners.Diagnostics;

/// <summary>The rules of findings about reading YAML files and Kubernetes objects, each declared once with what it means.</summary>
public static class ManifestRules
{
    public static RuleDescriptor YamlSyntax { get; } =
        new("yaml-syntax", Severity.Error, "Flux cannot apply a file it cannot parse.", "none: fix the file");

    public static RuleDescriptor YamlDuplicateKey { get; } =
        new(
            "yaml-duplicate-key",
            Severity.Error,
            "A duplicate key silently drops one of the values.",
            "none: fix the file"
        );

    public static RuleDescriptor YamlAliasExpansion { get; } =
        new(
            "yaml-alias-expansion",
            Severity.Error,
            "YAML aliases that expand without end (an alias bomb) exhaust kustomize and the API server.",
            "none: write the values out"
        );

    public static RuleDescriptor Symlink { get; } =
        new(
            "symlink",
            Severity.Warning,
            "Flux's source-controller leaves symbolic links out of the artifact, so what they point at is not applied.",
            "none: replace the link with the file or folder itself"
        );

    public static RuleDescriptor YamlNotAMapping { get; } =
        new(
            "yaml-not-a-mapping",
            Severity.Error,
            "A document or list item that is not a mapping is not a Kubernetes object; kustomize and Flux reject it.",
            "none: make it a mapping or move it out of the tree"
        );

    public static RuleDescriptor MissingField { get; } =
        new(
            "manifest-missing-field",
            Severity.Error,
            "The API server rejects an object without apiVersion, kind and metadata.name, and Flux needs a namespace on its own objects.",
            "none: add the missing field"
        );

    public static RuleDescriptor FileUnreadable { get; } =
        new(
            "file-unreadable",
            Severity.Error,
            "A file Validate cannot read is not checked at all, and Flux may not be able to read it either.",
            "none: fix the file's permissions or encoding"
        );

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } =
    [YamlSyntax, YamlDuplicateKey, YamlAliasExpansion, Symlink, YamlNotAMapping, MissingField, FileUnreadable];
}
