using System.Collections.Concurrent;
using System.Collections.Immutable;
using NJsonSchema;

namespace GitOpsRunners.Validation.Schemas;

/// <summary>
/// Finds the schema for (apiVersion, kind): first among schemas registered from CustomResourceDefinitions,
/// then in the repository's <see cref="SchemaLock"/>, then in each location in order (only local ones while a lock
/// exists: a kind the lock lacks is reported, never downloaded). Compiled schemas and lookups are cached for the whole run and shared
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
    private readonly SchemaLock? _lock;

    public SchemaRegistry(
        SchemaValidationOptions options,
        HttpClient http,
        SchemaLock? schemaLock = null,
        Caching.ReadLog? reads = null
    )
        : this(
            schemaLock,
            [.. options.Locations.Select(SchemaLocation.Parse)],
            options.KubernetesVersion,
            options.Strict,
            new SchemaSourceReader(http, new SchemaDiskCache(options.CacheDirectory), reads),
            new(StringComparer.Ordinal),
            new(StringComparer.Ordinal),
            ImmutableDictionary<string, Lazy<Task<ResolvedSchema?>>>.Empty
        )
    {
        SchemaTemplateVariables.NormalizeKubernetesVersion(options.KubernetesVersion);
    }

    private SchemaRegistry(
        SchemaLock? schemaLock,
        IReadOnlyList<SchemaLocation> locations,
        string kubernetesVersion,
        bool strict,
        SchemaSourceReader reader,
        ConcurrentDictionary<string, Lazy<Task<ResolvedSchema?>>> lookups,
        ConcurrentDictionary<string, Lazy<Task<JsonSchema?>>> compiled,
        ImmutableDictionary<string, Lazy<Task<ResolvedSchema?>>> custom
    )
    {
        _lock = schemaLock;
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

        return new SchemaRegistry(_lock, _locations, _kubernetesVersion, _strict, _reader, _lookups, _compiled, custom);
    }

    /// <summary>The schema for the object, or null when no location has one.</summary>
    public Task<ResolvedSchema?> ResolveAsync(string apiVersion, string kind, CancellationToken ct)
    {
        var key = Key(apiVersion, kind);
        if (_custom.TryGetValue(key, out var custom))
        {
            return custom.Value;
        }

        if (_lock?.Find(apiVersion, kind) is { } locked)
        {
            return Cached(_lookups, key, () => LoadLockedAsync(locked, ct));
        }

        return Cached(_lookups, key, () => LookUpAsync(apiVersion, kind, ct));
    }

    /// <summary>A lock exists and neither it nor a CustomResourceDefinition of the cluster has the kind.</summary>
    public bool IsUnlocked(string apiVersion, string kind) =>
        _lock is not null && !_custom.ContainsKey(Key(apiVersion, kind)) && _lock.Find(apiVersion, kind) is null;

    /// <summary>The lock pins the kind to a file that is missing or altered (reported once, as a lock problem).</summary>
    public bool IsBrokenInLock(string apiVersion, string kind) =>
        !_custom.ContainsKey(Key(apiVersion, kind))
        && _lock?.Find(apiVersion, kind) is { } entry
        && _lock.IsBroken(entry);

    private async Task<ResolvedSchema?> LoadLockedAsync(SchemaLockEntry entry, CancellationToken ct)
    {
        if (_lock!.TextOf(entry) is not { } text)
        {
            return null;
        }

        var source = $"{SchemaLock.FolderPath}/{entry.File}";
        var schema = await Cached<JsonSchema?>(
                _compiled,
                source,
                async () => await JsonSchemaCompiler.CompileAsync(text, source, ct).ConfigureAwait(false)
            )
            .ConfigureAwait(false);
        return schema is null ? null : new ResolvedSchema(schema, source);
    }

    private async Task<ResolvedSchema?> LookUpAsync(string apiVersion, string kind, CancellationToken ct)
    {
        var variables = SchemaTemplateVariables.For(apiVersion, kind, _kubernetesVersion, _strict);
        foreach (var location in _locations.Where(l => _lock is null || !l.IsHttp))
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
