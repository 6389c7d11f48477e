using System.Text;
using System.Text.Json;
using GitOpsRunners.Manifests;
using Newtonsoft.Json;

namespace GitOpsRunners.Validation.Schemas;

/// <summary>
/// Writes <c>.nuke/schemas/</c>: for every kind the clusters render, its schema — from a CustomResourceDefinition
/// the repository applies (or <c>--crds</c>), else from a CRD of a chart the clusters pin (recorded with the chart's
/// digest), else from the first schema location that has it — and the lock that
/// records each file's source and sha256. Only the schemas needed are kept. The folder is replaced as a whole:
/// the new one is written beside it and moved into place, so a failure leaves the old lock as it was.
/// </summary>
public sealed class SchemaLockWriter(SchemaValidationOptions options, HttpClient http)
{
    public async Task<SchemaLock> WriteAsync(
        string repositoryRoot,
        IEnumerable<Manifest> rendered,
        IEnumerable<Manifest> crds,
        CancellationToken ct,
        IEnumerable<(CrdSchema Schema, SchemaLockSource Source)>? derived = null
    )
    {
        var entries = await PlanAsync(rendered, crds, derived ?? [], ct).ConfigureAwait(false);
        var folder = SchemaLock.FolderIn(repositoryRoot);
        var parent = Path.GetDirectoryName(folder)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $"schemas.new-{Guid.NewGuid():N}");
        var retired = Path.Combine(parent, $"schemas.old-{Guid.NewGuid():N}");
        try
        {
            var written = new List<SchemaLockEntry>();
            foreach (var (entry, text) in entries)
            {
                if (entry.File is null)
                {
                    written.Add(entry);
                    continue;
                }

                var bytes = Encoding.UTF8.GetBytes(text!);
                var path = Path.Combine(staging, entry.File);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, bytes, ct).ConfigureAwait(false);
                written.Add(entry with { Sha256 = SchemaLock.Sha256(bytes) });
            }

            var lockText =
                System.Text.Json.JsonSerializer.Serialize(
                    new SchemaLockDocument(options.KubernetesVersion, written),
                    SchemaLock.Json
                ) + "\n";
            Directory.CreateDirectory(staging);
            await File.WriteAllTextAsync(Path.Combine(staging, SchemaLock.FileName), lockText, ct)
                .ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            if (Directory.Exists(folder))
            {
                Directory.Move(folder, retired);
            }

            Directory.Move(staging, folder);
        }
        finally
        {
            foreach (var leftover in new[] { staging, retired }.Where(Directory.Exists))
            {
                Directory.Delete(leftover, recursive: true);
            }
        }

        return SchemaLock.Load(repositoryRoot)!;
    }

    private async Task<IReadOnlyList<(SchemaLockEntry Entry, string? Text)>> PlanAsync(
        IEnumerable<Manifest> rendered,
        IEnumerable<Manifest> crds,
        IEnumerable<(CrdSchema Schema, SchemaLockSource Source)> derived,
        CancellationToken ct
    )
    {
        var converter = new CrdSchemaConverter();
        var fromCrds = new Dictionary<string, (CrdSchema Schema, SchemaLockSource Source)>(StringComparer.Ordinal);
        foreach (var crd in crds.Where(CrdSchemaConverter.IsCrd))
        {
            foreach (var schema in converter.Convert(crd))
            {
                fromCrds.TryAdd(
                    schema.ApiVersion + "|" + schema.Kind,
                    (schema, new SchemaLockSource(SchemaLockSource.FromCrd, crd.Location.ToString()))
                );
            }
        }

        foreach (var (schema, source) in derived)
        {
            fromCrds.TryAdd(schema.ApiVersion + "|" + schema.Kind, (schema, source));
        }

        var kinds = rendered
            .Select(m => (m.ApiVersion, m.Kind))
            .Where(k => !options.Skip.Contains(k.Kind) && !options.Skip.Contains($"{k.ApiVersion}/{k.Kind}"))
            .Distinct()
            .OrderBy(k => k.ApiVersion, StringComparer.Ordinal)
            .ThenBy(k => k.Kind, StringComparer.Ordinal)
            .ToList();
        var locations = options.Locations.Select(SchemaLocation.Parse).ToList();
        var reader = new SchemaSourceReader(http, new SchemaDiskCache(options.CacheDirectory));
        var planned = new List<(SchemaLockEntry, string?)>();
        foreach (var (apiVersion, kind) in kinds)
        {
            var file = SchemaLockEntry.FileFor(apiVersion, kind);
            if (fromCrds.TryGetValue(apiVersion + "|" + kind, out var custom))
            {
                planned.Add(
                    (
                        new SchemaLockEntry(apiVersion, kind, file, null, custom.Source),
                        custom.Schema.Schema.ToString(Formatting.Indented) + "\n"
                    )
                );
                continue;
            }

            var variables = SchemaTemplateVariables.For(apiVersion, kind, options.KubernetesVersion, options.Strict);
            (SchemaLockEntry, string?) found = (new SchemaLockEntry(apiVersion, kind, null, null, null), null);
            foreach (var location in locations)
            {
                var resolved = location.Resolve(variables);
                if (await reader.ReadAsync(resolved, location.IsHttp, ct).ConfigureAwait(false) is { } text)
                {
                    var source = new SchemaLockSource(SchemaLockSource.FromLocation, resolved);
                    found = (new SchemaLockEntry(apiVersion, kind, file, null, source), text);
                    break;
                }
            }

            planned.Add(found);
        }

        return planned;
    }
}
