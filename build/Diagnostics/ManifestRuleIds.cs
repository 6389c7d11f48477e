namespace GitOpsRunners.Diagnostics;

/// <summary>Rule ids of findings about reading YAML files and Kubernetes objects.</summary>
public static class ManifestRuleIds
{
    public const string YamlSyntax = "yaml-syntax";
    public const string YamlDuplicateKey = "yaml-duplicate-key";
    public const string YamlAliasExpansion = "yaml-alias-expansion";
    public const string Symlink = "symlink";
    public const string YamlNotAMapping = "yaml-not-a-mapping";
    public const string MissingField = "manifest-missing-field";
    public const string FileUnreadable = "file-unreadable";
}
