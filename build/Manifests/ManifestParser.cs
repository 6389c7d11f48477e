using GitOpsRunners.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Manifests;

/// <summary>
/// Turns YAML mapping documents into <see cref="Manifest"/>s: apiVersion, kind and metadata.name are
/// required (a missing one is a located <c>manifest-missing-field</c> finding); <c>*List</c> kinds are
/// expanded into their items.
/// </summary>
public static class ManifestParser
{
    private static readonly HashSet<string> KustomizeFileNames = new(StringComparer.Ordinal)
    {
        "kustomization.yaml",
        "kustomization.yml",
        "Kustomization",
    };

    /// <summary>Classifies a document; <paramref name="fileName"/> is the bare file name.</summary>
    public static DocumentKind Classify(YamlMappingNode root, string fileName)
    {
        var apiVersion = root.ScalarAt("apiVersion");
        var kind = root.ScalarAt("kind");
        if (
            apiVersion?.StartsWith("kustomize.config.k8s.io/", StringComparison.Ordinal) == true
            || (KustomizeFileNames.Contains(fileName) && kind is null or "Kustomization" or "Component")
        )
        {
            return DocumentKind.KustomizeConfiguration;
        }

        return apiVersion is null && kind is null ? DocumentKind.Other : DocumentKind.KubernetesObject;
    }

    /// <summary>Parses every document of a load result that is meant to be a Kubernetes object.</summary>
    public static ManifestParseResult Parse(YamlLoadResult file)
    {
        var manifests = new List<Manifest>();
        var findings = new List<Finding>();
        var fileName = Path.GetFileName(file.File);
        foreach (var document in file.Documents)
        {
            if (Classify(document.Root, fileName) != DocumentKind.KubernetesObject)
            {
                continue;
            }

            var result = Parse(document);
            manifests.AddRange(result.Manifests);
            findings.AddRange(result.Findings);
        }

        return new ManifestParseResult(manifests, findings);
    }

    /// <summary>Parses one document as a Kubernetes object (or a list of them).</summary>
    public static ManifestParseResult Parse(LoadedDocument document) => Parse(document.Root, document.Location);

    /// <summary>Parses one mapping whose first key is at <paramref name="location"/>.</summary>
    public static ManifestParseResult Parse(YamlMappingNode root, SourceLocation location)
    {
        var manifests = new List<Manifest>();
        var findings = new List<Finding>();
        ParseInto(root, location, manifests, findings);
        return new ManifestParseResult(manifests, findings);
    }

    private static void ParseInto(
        YamlMappingNode root,
        SourceLocation location,
        List<Manifest> manifests,
        List<Finding> findings
    )
    {
        var apiVersion = root.ScalarAt("apiVersion");
        var kind = root.ScalarAt("kind");
        if (
            kind is not null
            && kind.EndsWith("List", StringComparison.Ordinal)
            && root.At("items") is YamlSequenceNode items
        )
        {
            foreach (var item in items)
            {
                var at = location with { Line = (int)item.Start.Line, Column = (int)item.Start.Column };
                if (item is YamlMappingNode map)
                {
                    ParseInto(map, at, manifests, findings);
                }
                else
                {
                    findings.Add(
                        new Finding(
                            ManifestRules.YamlNotAMapping,
                            $"an item of this {kind} is not a mapping; each item must be a Kubernetes object.",
                            at
                        )
                    );
                }
            }

            return;
        }

        var name = root.ScalarAt("metadata", "name") ?? root.ScalarAt("metadata", "generateName");
        var missing = new List<string>();
        if (string.IsNullOrEmpty(apiVersion))
        {
            missing.Add("apiVersion");
        }

        if (string.IsNullOrEmpty(kind))
        {
            missing.Add("kind");
        }

        if (string.IsNullOrEmpty(name))
        {
            missing.Add("metadata.name");
        }

        if (missing.Count > 0)
        {
            var what = kind is { Length: > 0 } ? $"this {kind}" : "this object";
            findings.Add(
                new Finding(
                    ManifestRules.MissingField,
                    $"{what} has no {string.Join(", ", missing.Select(m => $"'{m}'"))}; every Kubernetes object needs apiVersion, kind and metadata.name.",
                    location,
                    Object: name is null ? kind : $"{kind}/{name}"
                )
            );
            return;
        }

        var ns = root.ScalarAt("metadata", "namespace");
        manifests.Add(new Manifest(apiVersion!, kind!, name!, string.IsNullOrEmpty(ns) ? null : ns, root, location));
    }
}
