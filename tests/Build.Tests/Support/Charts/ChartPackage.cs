using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace GitOpsRunners.Tests.Support.Charts;

/// <summary>
/// A small Helm chart packaged as <c>helm package</c> does: a gzipped tar whose entries sit under <c>&lt;name&gt;/</c>,
/// with <c>Chart.yaml</c> and whatever files a test adds (<c>crds/</c>, templates, <c>values.schema.json</c>).
/// </summary>
public sealed class ChartPackage(string name, string version)
{
    private readonly SortedDictionary<string, string> _files = new(StringComparer.Ordinal)
    {
        ["Chart.yaml"] = $"apiVersion: v2\nname: {name}\nversion: {version}\nappVersion: v{version}\n",
    };

    public string Name { get; } = name;

    public string Version { get; } = version;

    public ChartPackage With(string path, string content)
    {
        _files[path] = content;
        return this;
    }

    /// <summary>The <c>.tgz</c> bytes (the same for the same files).</summary>
    public byte[] Pack()
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var (path, content) in _files)
            {
                var entry = new UstarTarEntry(TarEntryType.RegularFile, $"{Name}/{path}")
                {
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
                    ModificationTime = DateTimeOffset.UnixEpoch,
                };
                tar.WriteEntry(entry);
            }
        }

        return output.ToArray();
    }

    public static string Sha256Hex(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>A CustomResourceDefinition of <paramref name="kind"/> in <paramref name="group"/>; <paramref name="versions"/> is its YAML list of versions, indented by four.</summary>
    public static string Crd(string group, string kind, string versions) =>
        $"""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: {kind.ToLowerInvariant()}s.{group}
            spec:
              group: {group}
              names:
                kind: {kind}
                plural: {kind.ToLowerInvariant()}s
              scope: Namespaced
              versions:
            {versions}
            """;

    /// <summary>One entry of a CRD's versions list with a schema whose spec has a string <c>name</c> and nothing else.</summary>
    public static string CrdVersion(string name, bool served = true, bool storage = false, string extra = "") =>
        $"""
                - name: {name}
                  served: {(served ? "true" : "false")}
                  storage: {(storage ? "true" : "false")}
            {extra}      schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        spec:
                          type: object
                          properties:
                            name:
                              type: string

            """;
}
