using System.Collections.Concurrent;
using System.Collections.Immutable;
using NJsonSchema;

namespace GitOpsRunners.Validation.Schemas;

/// <summary>
/// Finds the schema for (apiVersion, kind): first among schemas registered from CustomResourceDefinitions,
/// then in each location in order. Compiled schemas and lookups are cached for the whole run and shared
/// with every registry made by <see cref="WithCustomResources"/>; safe to use from many threads.
/// </summary>
public sealed class SchemaRegistry
{
    private readonly IReadOnlyList<SchemaLocation> _locations;
    private readonly string _kubernetesVersion;
    private readonly bool _strict;
    private readonly SchemaSourceReader _reader;
    private readonly ConcurrentDictionary<string, Lazy<Task<ResolvedSchema?>>> _lookups;
    private readonly ConcurrentDictionary<string, Lazy<Task<JsonSchema?>>> _compiled;
    private readonly ImmutableDictionary<string, Lazy<Task<ResolvedSchema?>>> _custom;

    public SchemaRegistry(SchemaValidationOptions options, HttpClient http)
        : this(
            [.. options.Locations.Select(SchemaLocation.Parse)],
            options.KubernetesVersion,
            options.Strict,
            new SchemaSourceReader(http, new SchemaDiskCache(options.CacheDirectory)),
            new(StringComparer.Ordinal),
            new(StringComparer.Ordinal),
            ImmutableDictionary<string, Lazy<Task<ResolvedSchema?>>>.Empty
        )
    {
        SchemaTemplateVariables.NormalizeKubernetesVersion(options.KubernetesVersion);
    }

    private SchemaRegistry(
        IReadOnlyList<SchemaLocation> locations,
        string kubernetesVersion,
        bool strict,
        SchemaSourceReader reader,
        ConcurrentDictionary<string, Lazy<Task<ResolvedSchema?>>> lookups,
        ConcurrentDictionary<string, Lazy<Task<JsonSchema?>>> compiled,
        ImmutableDictionary<string, Lazy<Task<ResolvedSchema?>>> custom
    )
    {
        _locations = locations;
        _kubernetesVersion = kubernetesVersion;
        _strict = strict;
        _reader = reader;
        _lookups = lookups;
        _compiled = compiled;
        _custom = custom;
    }

    public IReadOnlyList<SchemaLocation> Locations => _locations;

    /// <summary>
    /// A registry that tries <paramref name="schemas"/> (e.g. the CRDs rendered in one cluster) before any location,
    /// sharing this registry's caches. A later schema for the same apiVersion/kind wins.
    /// </summary>
    public SchemaRegistry WithCustomResources(IEnumerable<CrdSchema> schemas)
    {
        var custom = _custom;
        foreach (var schema in schemas)
        {
            var source = $"CustomResourceDefinition {schema.Plural}.{schema.Group} ({schema.ApiVersion})";
            custom = custom.SetItem(
                Key(schema.ApiVersion, schema.Kind),
                new Lazy<Task<ResolvedSchema?>>(async () =>
                    new ResolvedSchema(
                        await JsonSchemaCompiler
                            .CompileAsync(schema.Schema, source, CancellationToken.None)
                            .ConfigureAwait(false),
                        source
                    )
                )
            );
        }

        return new SchemaRegistry(_locations, _kubernetesVersion, _strict, _reader, _lookups, _compiled, custom);
    }

    /// <summary>The schema for the object, or null when no location has one.</summary>
    public Task<ResolvedSchema?> ResolveAsync(string apiVersion, string kind, CancellationToken ct)
    {
        var key = Key(apiVersion, kind);
        if (_custom.TryGetValue(key, out var custom))
        {
            return custom.Value;
        }

        return Cached(_lookups, key, () => LookUpAsync(apiVersion, kind, ct));
    }

    private async Task<ResolvedSchema?> LookUpAsync(string apiVersion, string kind, CancellationToken ct)
    {
        var variables = SchemaTemplateVariables.For(apiVersion, kind, _kubernetesVersion, _strict);
        foreach (var location in _locations)
        {
            var resolved = location.Resolve(variables);
            var schema = await Cached(_compiled, resolved, () => LoadAsync(resolved, location.IsHttp, ct))
                .ConfigureAwait(false);
            if (schema is not null)
            {
                return new ResolvedSchema(schema, resolved);
            }
        }

        return null;
    }

    private async Task<JsonSchema?> LoadAsync(string resolved, bool isHttp, CancellationToken ct)
    {
        var text = await _reader.ReadAsync(resolved, isHttp, ct).ConfigureAwait(false);
        return text is null ? null : await JsonSchemaCompiler.CompileAsync(text, resolved, ct).ConfigureAwait(false);
    }

    private static Task<T> Cached<T>(
        ConcurrentDictionary<string, Lazy<Task<T>>> cache,
        string key,
        Func<Task<T>> load
    ) =>
        cache
            .GetOrAdd(
                key,
                _ => new Lazy<Task<T>>(async () =>
                {
                    try
                    {
                        return await load().ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        cache.TryRemove(key, out Lazy<Task<T>>? _);
                        throw;
                    }
                })
            )
            .Value;

    private static string Key(string apiVersion, string kind) => apiVersion + "|" + kind;
}
