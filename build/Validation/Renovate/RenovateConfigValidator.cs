using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;
using GitOpsRunners.Validation.Schemas;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace GitOpsRunners.Validation.Renovate;

/// <summary>
/// Checks a Renovate config (<c>renovate.json</c>) against Renovate's JSON schema. Besides the schema's own
/// rules it reports options unknown at the top level (and in manager blocks), which the schema leaves open,
/// and names each global-only option the schema's <c>not</c> rule rejects. The schema is loaded once.
/// </summary>
public sealed class RenovateConfigValidator(RenovateSchemaSource source)
{
    public static RuleDescriptor SchemaRule { get; } =
        new(
            "renovate-schema",
            Severity.Error,
            "Hosted Renovate ignores an invalid configuration.",
            "none: fix renovate.json"
        );

    public static RuleDescriptor SyntaxRule { get; } =
        new(
            "renovate-syntax",
            Severity.Error,
            "Renovate cannot read a configuration that is not valid JSON, so it stops updating the repository.",
            "none: fix renovate.json"
        );

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [SchemaRule, SyntaxRule];

    private readonly Lazy<Task<JsonSchema>> _schema = new(() => source.LoadAsync(CancellationToken.None));

    /// <summary>Validates the file at <paramref name="path"/>; findings name <paramref name="reportedAs"/> (repo-relative).</summary>
    public async Task<IReadOnlyList<Finding>> ValidateAsync(string path, string reportedAs, CancellationToken ct)
    {
        var text = await File.ReadAllTextAsync(path, ct).ConfigureAwait(false);
        JToken config;
        try
        {
            config = JToken.Parse(
                text,
                new JsonLoadSettings
                {
                    LineInfoHandling = LineInfoHandling.Load,
                    CommentHandling = CommentHandling.Ignore,
                    DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                }
            );
        }
        catch (JsonReaderException e)
        {
            return
            [
                new Finding(
                    SyntaxRule,
                    $"invalid JSON: {e.Message}",
                    new SourceLocation(reportedAs, Math.Max(e.LineNumber, 1), e.LinePosition)
                ),
            ];
        }

        var schema = await _schema.Value.WaitAsync(ct).ConfigureAwait(false);
        var errors = schema.Validate(config);
        var violations = SchemaErrorFormatter
            .Format(errors.Where(e => e.Kind != ValidationErrorKind.ExcludedSchemaValidates))
            .Concat(GlobalOnlyOptions(schema, config, errors))
            .Concat(config is JObject root ? UnknownOptions(schema, root) : []);
        return [.. violations.Select(v => new Finding(SchemaRule, v.Message, LocationOf(v.Token, reportedAs)))];
    }

    private static IEnumerable<SchemaViolation> GlobalOnlyOptions(
        JsonSchema schema,
        JToken config,
        ICollection<ValidationError> errors
    )
    {
        if (config is not JObject root || !errors.Any(e => e.Kind == ValidationErrorKind.ExcludedSchemaValidates))
        {
            return [];
        }

        var globalOnly = GlobalOnlyNames(schema);
        return root.Properties()
            .Where(p => globalOnly.Contains(p.Name))
            .Select(p => new SchemaViolation(
                [p.Name],
                $"at '/{p.Name}': option \"{p.Name}\" is only allowed in the global (self-hosted) configuration",
                p
            ));
    }

    private static IEnumerable<SchemaViolation> UnknownOptions(
        JsonSchema root,
        JObject config,
        IReadOnlySet<string>? extra = null
    )
    {
        var globalOnly = GlobalOnlyNames(root);
        foreach (var property in config.Properties())
        {
            if (!root.ActualProperties.TryGetValue(property.Name, out var known))
            {
                if (
                    !property.Name.StartsWith('$')
                    && !globalOnly.Contains(property.Name)
                    && extra?.Contains(property.Name) != true
                )
                {
                    var path = SchemaErrorFormatter.PathOf(property);
                    var parent = string.Concat(path.Take(path.Count - 1).Select(s => "/" + s));
                    yield return new SchemaViolation(
                        path,
                        $"at '{parent}': unknown option \"{property.Name}\"",
                        property
                    );
                }

                continue;
            }

            var definition = known.ActualSchema;
            var isFullConfig = definition.AllOf.Any(s => ReferenceEquals(s.ActualSchema, root));
            if (isFullConfig && property.Value is JObject nested)
            {
                foreach (var violation in UnknownOptions(root, nested, DeclaredNames(definition, root, depth: 3)))
                {
                    yield return violation;
                }
            }
        }
    }

    private static HashSet<string> GlobalOnlyNames(JsonSchema root) =>
        root.Not?.AnyOf.SelectMany(s => s.RequiredProperties).ToHashSet(StringComparer.Ordinal) ?? [];

    /// <summary>Option names a manager block declares besides the root ones (Renovate lists them under <c>items</c>).</summary>
    private static HashSet<string> DeclaredNames(JsonSchema schema, JsonSchema root, int depth)
    {
        var names = new HashSet<string>(schema.ActualProperties.Keys, StringComparer.Ordinal);
        if (depth == 0)
        {
            return names;
        }

        var children = schema
            .AllOf.Concat(schema.AnyOf)
            .Concat(schema.OneOf)
            .Append(schema.Item)
            .Select(s => s?.ActualSchema)
            .Where(s => s is not null && !ReferenceEquals(s, root));
        foreach (var child in children)
        {
            names.UnionWith(DeclaredNames(child!, root, depth - 1));
        }

        return names;
    }

    private static SourceLocation LocationOf(JToken? token, string file) =>
        token is IJsonLineInfo info && info.HasLineInfo()
            ? new SourceLocation(file, info.LineNumber)
            : new SourceLocation(file, 1);
}
