namespace GitOpsRunners.Versions.Editing;

/// <summary>The edits of one file (repository-relative path with '/'), applied together or not at all.</summary>
public sealed record YamlFileEdit(string File, IReadOnlyList<YamlEdit> Edits);
