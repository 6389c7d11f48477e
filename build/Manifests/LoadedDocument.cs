using GitOpsRunners.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Manifests;

/// <summary>One YAML document whose root is a mapping, with the location of its first key.</summary>
/// <param name="Index">0-based position among all documents of the file, empty ones included.</param>
public sealed record LoadedDocument(YamlMappingNode Root, SourceLocation Location, int Index);
