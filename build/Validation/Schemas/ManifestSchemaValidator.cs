using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using Newtonsoft.Json.Linq;

namespace GitOpsRunners.Validation.Schemas;

/// <summary>
/// Checks manifests against JSON schemas like <c>kubeconform</c>: skip and reject lists, missing schemas,
/// Secret payloads and SOPS metadata left out, each schema error a <see cref="Finding"/> at the YAML line
/// of the offending node. Duplicate keys never reach here: YamlDotNet refuses them when the file is loaded.
/// </summary>
/// <remarks>
/// With a <see cref="Rules.ISourceLocator"/> (rendered objects, whose bodies come from kustomize's output) the
/// offending field is looked up in the object's source document; without one the body's own marks are used.
/// </remarks>
public sealed class ManifestSchemaValidator(
    SchemaRegistry registry,
    SchemaValidationOptions options,
    Rules.ISourceLocator? locator = null,
    CelRuleEvaluator? cel = null
)
{
    /// <summary>The ids schema checks report (kubeconform's delegation reports the same ones).</summary>
    public static RuleDescriptor SchemaRule { get; } =
        new(
            "schema",
            Severity.Error,
            "The API server would reject an object that does not match its schema.",
            "--skip-kinds <Kind> or --schema-location"
        );

    public static RuleDescriptor MissingRule { get; } =
        new(
            "schema-missing",
            Severity.Error,
            "An object without a schema is not checked at all.",
            "--ignore-missing-schemas or --schema-location"
        );

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [SchemaRule, MissingRule];

    /// <summary>How far below its document's first line a body may start and still be taken as read from that file.</summary>
    private const int MaxLeadingLines = 64;

    public async Task<IReadOnlyList<Finding>> ValidateAsync(Manifest manifest, CancellationToken ct)
    {
        if (Listed(options.Skip, manifest))
        {
            return [];
        }

        if (Listed(options.Reject, manifest))
        {
            return [Error(SchemaRule, $"prohibited resource kind {manifest.Kind}", manifest.Location, manifest)];
        }

        var resolved = await registry.ResolveAsync(manifest.ApiVersion, manifest.Kind, ct).ConfigureAwait(false);
        if (resolved is null && registry.IsBrokenInLock(manifest.ApiVersion, manifest.Kind))
        {
            return [];
        }

        if (resolved is null)
        {
            return options.IgnoreMissingSchemas
                ? []
                :
                [
                    Error(
                        MissingRule,
                        $"could not find schema for {manifest.Kind} ({manifest.ApiVersion}) in {string.Join(", ", registry.Locations)}; "
                            + "add a schema location that has it, or ignore missing schemas",
                        manifest.Location,
                        manifest
                    ),
                ];
        }

        var document = Prepare(manifest);
        var violations = SchemaErrorFormatter
            .Format(resolved.Schema.Validate(document))
            .Where(v => !IsMasked(v.Token))
            .ToList();
        var findings = violations
            .Select(v =>
                Error(
                    SchemaRule,
                    v.Message,
                    locator?.Locate(manifest, [.. v.Path]) ?? LocationOf(manifest, v.Path),
                    manifest
                )
            )
            .ToList();
        if (cel is not null)
        {
            findings.AddRange(
                cel.Evaluate(resolved.Schema, document)
                    .Select(o => new Finding(
                        o.Rule,
                        o.Message,
                        locator?.Locate(manifest, [.. o.Path]) ?? LocationOf(manifest, o.Path),
                        Object: manifest.Id
                    ))
            );
        }

        return findings;
    }

    /// <summary>The JSON that is validated: Secret <c>data</c>/<c>stringData</c> and top-level <c>sops</c> removed.</summary>
    public static JToken Prepare(Manifest manifest)
    {
        var document = YamlJsonConverter.Convert(manifest.Body);
        if (document is JObject root)
        {
            root.Remove("sops");
            if (manifest.Kind == "Secret" && manifest.Group.Length == 0)
            {
                root.Remove("data");
                root.Remove("stringData");
            }
        }

        return document;
    }

    public static SourceLocation LocationOf(Manifest manifest, IReadOnlyList<string> path)
    {
        var bodyLine = (int)manifest.Body.Start.Line;
        var fromFile = bodyLine >= manifest.Location.Line && bodyLine - manifest.Location.Line <= MaxLeadingLines;
        if (!fromFile)
        {
            return manifest.Location;
        }

        var node = YamlNodeLocator.Find(manifest.Body, path);
        return manifest.Location with { Line = (int)node.Start.Line, Column = (int)node.Start.Column };
    }

    /// <summary>
    /// A value masked as <c>..PLACEHOLDER_KEY..</c> (taken from a Secret, or written by the cluster at run time) is
    /// unknown offline, so no verdict is given on it: neither its type nor its format.
    /// </summary>
    private static bool IsMasked(JToken? token) =>
        token is JValue { Type: JTokenType.String, Value: string text }
        && text.Contains("..PLACEHOLDER_", StringComparison.Ordinal);

    private static bool Listed(IReadOnlySet<string> kinds, Manifest manifest) =>
        kinds.Contains(manifest.Kind) || kinds.Contains($"{manifest.ApiVersion}/{manifest.Kind}");

    private static Finding Error(RuleDescriptor rule, string message, SourceLocation location, Manifest manifest) =>
        new(rule, message, location, Object: manifest.Id);
}
