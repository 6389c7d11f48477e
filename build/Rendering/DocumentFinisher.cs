using System.Text;
using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Rendering.Substitution;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Rendering;

/// <summary>
/// What kustomize-controller does to each built object, in its order: post-build substitution (only when
/// spec.postBuild is set), then commonMetadata and the owner labels. Also traces the object to its source
/// file:line, removes the origin annotation unless the kustomization asked for it (<c>buildMetadata:
/// [originAnnotations]</c>, kept by Flux) and masks Secret values.
/// </summary>
internal sealed class DocumentFinisher(RenderContext context, string cluster)
{
    public FinishedDocument Finish(
        string text,
        FluxKustomization kustomization,
        BuildResult build,
        bool keepOrigin,
        IReadOnlyDictionary<string, string> variables,
        Func<string, bool> isSecret
    )
    {
        var appliedBy = kustomization.Id;
        // With post-build substitution the document as built is only read (the substituted text is parsed anew), and
        // every cluster that renders the same build reads the same text: it is parsed once for all of them.
        var postBuild = kustomization.PostBuild;
        var root = postBuild is null ? ParsedFileCache.ParseOutput(text) : context.Files.ReadOnlyOutput(text);
        if (root is null)
        {
            return new FinishedDocument([], []);
        }

        var kind = root.ScalarAt("kind");
        var name = root.ScalarAt("metadata", "name");
        var origin = root.ScalarAt("metadata", "annotations", OriginLocator.OriginAnnotation);
        var (location, sourceFile) = context.Locator.Locate(origin, build, kind, name);
        var objectId = $"{kind}/{(root.ScalarAt("metadata", "namespace") is { } ns ? ns + "/" : "")}{name}";
        if (postBuild is not null)
        {
            EnvSubstResult? substituted;
            try
            {
                substituted = PostBuildSubstituter.Substitute(
                    text,
                    variables,
                    postBuild.Strategy,
                    context.Options.StrictSubstitution,
                    PostBuildSubstituter.IsSubstitutionDisabled(root)
                );
            }
            catch (SubstitutionException e)
            {
                var message =
                    $"Kustomization {appliedBy} cannot substitute '${{{e.Variable}}}' in {objectId}: {e.Reason}";
                return new FinishedDocument(
                    [],
                    [
                        new Finding(
                            RenderRules.Substitution,
                            message,
                            VariableLocation(sourceFile, location, e.Variable ?? ""),
                            cluster,
                            objectId
                        ),
                    ]
                );
            }

            if (substituted is null)
            {
                root = ParsedFileCache.ParseOutput(text)!;
            }
            else
            {
                var reparsed = YamlFileLoader.Parse(substituted.Output, location.File);
                var broken = reparsed.Findings.FirstOrDefault(f => f.Severity == Severity.Error);
                if (broken is not null || reparsed.Documents.Count == 0)
                {
                    var why = broken?.Message ?? "the document is empty";
                    return new FinishedDocument(
                        [],
                        [
                            new Finding(
                                RenderRules.Substitution,
                                $"Kustomization {appliedBy}: after variable substitution {objectId} is no longer valid YAML ({why}); quote the substituted value.",
                                location,
                                cluster,
                                objectId
                            ),
                        ]
                    );
                }

                root = reparsed.Documents[0].Root;
                if (SubstitutedYamlTyping.Apply(root) is { } unsupported)
                {
                    return new FinishedDocument(
                        [],
                        [
                            new Finding(
                                RenderRules.Substitution,
                                $"Kustomization {appliedBy}: after variable substitution {objectId} cannot be converted to JSON ({unsupported}); Flux fails with \"YAMLToJSON\". Quote the substituted value.",
                                location,
                                cluster,
                                objectId
                            ),
                        ]
                    );
                }

                SecretSpanMasker.Mask(root, substituted.Output, SecretSpans(substituted.Spans, isSecret));
            }
        }

        if (!keepOrigin)
        {
            RemoveOrigin(root);
        }

        foreach (var (key, value) in kustomization.CommonLabels)
        {
            root.SetScalar(["metadata", "labels", key], value);
        }

        foreach (var (key, value) in kustomization.CommonAnnotations)
        {
            root.SetScalar(["metadata", "annotations", key], value);
        }

        if (context.Options.AddFluxOwnerLabels)
        {
            root.SetScalar(["metadata", "labels", KubernetesApi.KustomizationNameLabel], kustomization.Name);
            root.SetScalar(["metadata", "labels", KubernetesApi.KustomizationNamespaceLabel], kustomization.Namespace);
        }

        var parsed = ManifestParser.Parse(root, location);
        var findings = parsed
            .Findings.Select(f =>
                f with
                {
                    Cluster = cluster,
                    Message = $"{f.Message} (applied by Kustomization {appliedBy})",
                }
            )
            .ToList();
        (string, SecretValues)? secret = null;
        var fingerprints = new Dictionary<Manifest, IReadOnlyDictionary<string, string>>(
            ReferenceEqualityComparer.Instance
        );
        foreach (var manifest in parsed.Manifests.Where(m => m.Kind == "Secret" && m.ApiVersion == "v1"))
        {
            var values = Mask(manifest.Body) with { Location = manifest.Location };
            secret = ($"{manifest.Namespace}/{manifest.Name}", values);
            fingerprints[manifest] = Fingerprints(values);
        }

        return new FinishedDocument(
            parsed
                .Manifests.Select(m => new RenderedObject(m, appliedBy)
                {
                    SecretFingerprints = fingerprints.GetValueOrDefault(m),
                })
                .ToList(),
            findings,
            secret
        );
    }

    /// <summary>A SHA-256 of each value, keyed <c>data.key</c> / <c>stringData.key</c>: equal only when the values are.</summary>
    private static Dictionary<string, string> Fingerprints(SecretValues values) =>
        values
            .Data.Select(p => ($"data.{p.Key}", p.Value))
            .Concat(values.StringData.Select(p => ($"stringData.{p.Key}", p.Value)))
            .ToDictionary(
                p => p.Item1,
                p =>
                    Convert.ToHexStringLower(
                        System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(p.Value))
                    ),
                StringComparer.Ordinal
            );

    /// <summary>Replaces Secret values with <c>..PLACEHOLDER_key..</c> and returns the real ones.</summary>
    internal static SecretValues Mask(YamlMappingNode secret)
    {
        var data = secret.MappingAt("data").StringMap();
        var stringData = secret.MappingAt("stringData").StringMap();
        var encrypted = secret.At("sops") is not null;
        foreach (var key in data.Keys)
        {
            secret.SetScalar(
                ["data", key],
                Convert.ToBase64String(Encoding.UTF8.GetBytes(SubstitutionVariables.Placeholder(key)))
            );
        }

        foreach (var key in stringData.Keys)
        {
            secret.SetScalar(["stringData", key], SubstitutionVariables.Placeholder(key));
        }

        return new SecretValues(data, stringData, encrypted);
    }

    /// <summary>The spans that used a Secret's variable, each naming only the Secret variables it used.</summary>
    private static List<SubstitutedSpan> SecretSpans(
        IReadOnlyList<SubstitutedSpan> spans,
        Func<string, bool> isSecret
    ) =>
        [
            .. spans
                .Select(s => s with { Variables = [.. s.Variables.Where(isSecret)] })
                .Where(s => s.Variables.Count > 0),
        ];

    private static void RemoveOrigin(YamlMappingNode root)
    {
        if (root.MappingAt("metadata") is { } metadata && metadata.MappingAt("annotations") is { } annotations)
        {
            annotations.RemoveKey(OriginLocator.OriginAnnotation);
            if (annotations.Children.Count == 0)
            {
                metadata.RemoveKey("annotations");
            }
        }
    }

    private SourceLocation VariableLocation(string? sourceFile, SourceLocation location, string variable)
    {
        if (sourceFile is null)
        {
            return location;
        }

        var lines = context.Files.Lines(sourceFile);
        for (var i = Math.Max(0, location.Line - 1); i < lines.Count; i++)
        {
            if (i > location.Line - 1 && lines[i].TrimEnd() == "---")
            {
                break;
            }

            var at = lines[i].IndexOf("${" + variable, StringComparison.Ordinal);
            if (at >= 0)
            {
                return location with { Line = i + 1, Column = at + 1 };
            }
        }

        return location;
    }
}
