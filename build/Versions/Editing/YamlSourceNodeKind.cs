namespace GitOpsRunners.Versions.Editing;

internal enum YamlSourceNodeKind
{
    Scalar,
    Mapping,
    Sequence,
    Alias,
}
