using YamlDotNet.Serialization;

namespace GitOpsRunners.Rendering;

/// <summary>
/// Writes a rendered cluster as one YAML stream, each document preceded by
/// <c># source: file:line  applied-by: namespace/name</c>. Secret values are already masked.
/// </summary>
public static class RenderedClusterWriter
{
    private static readonly ISerializer Serializer = new SerializerBuilder().Build();

    public static void Write(RenderedCluster cluster, TextWriter writer)
    {
        writer.Write($"# cluster: {cluster.Name}\n");
        foreach (var item in cluster.Objects)
        {
            writer.Write("---\n");
            writer.Write($"# source: {item.Manifest.Location}  applied-by: {item.AppliedBy}\n");
            writer.Write(ObjectYaml(item));
        }
    }

    /// <summary>One object's YAML, as it appears in <see cref="Write"/> without the comment line.</summary>
    public static string ObjectYaml(RenderedObject item)
    {
        var body = Serializer.Serialize(item.Manifest.Body);
        return body.EndsWith('\n') ? body : body + "\n";
    }

    public static string ToYaml(RenderedCluster cluster)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        Write(cluster, writer);
        return writer.ToString();
    }

    public static async Task WriteFileAsync(RenderedCluster cluster, string path, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, ToYaml(cluster), ct).ConfigureAwait(false);
    }
}
