using GitOpsRunners.Diagnostics;
using GitOpsRunners.Rendering;
using GitOpsRunners.Tools;
using GitOpsRunners.Validation.Rules;
using GitOpsRunners.Validation.Schemas;

namespace GitOpsRunners.Validation;

/// <summary>Validate's schema step when <c>--validator kubeconform</c> is chosen.</summary>
public static class KubeconformSchemaCheck
{
    /// <summary>
    /// Schema checks by a kubeconform binary with the same locations: each object in its own file (so results map
    /// back to objects), and the cluster's own CRDs written as schemas in front of every other location.
    /// </summary>
    public static async Task<IReadOnlyList<Finding>> RunAsync(
        RenderedCluster cluster,
        ValidationOptions options,
        ScanLocator locator,
        CancellationToken ct
    )
    {
        var folder = Path.Combine(Path.GetTempPath(), "gitops-kubeconform-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var objects = new Dictionary<string, Manifests.Manifest>(StringComparer.Ordinal);
            var manifestsFolder = Path.Combine(folder, "objects");
            Directory.CreateDirectory(manifestsFolder);
            var index = 0;
            foreach (var rendered in cluster.Objects)
            {
                var name = $"{index++:D5}.yaml";
                objects[name] = rendered.Manifest;
                await File.WriteAllTextAsync(
                        Path.Combine(manifestsFolder, name),
                        RenderedClusterWriter.ObjectYaml(rendered),
                        ct
                    )
                    .ConfigureAwait(false);
            }

            var crdFolder = Path.Combine(folder, "crds");
            await new CrdSchemaConverter(CrdSchemaLayout.GroupKindVersion)
                .WriteAsync(cluster.Objects.Select(o => o.Manifest).Where(CrdSchemaConverter.IsCrd), crdFolder, ct)
                .ConfigureAwait(false);
            var schemas = options.Schemas;
            var output = await KubeconformCli
                .Locate()
                .ValidateAsync(
                    manifestsFolder,
                    [
                        Path.Combine(crdFolder, "{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json"),
                        .. schemas.Locations,
                    ],
                    schemas.KubernetesVersion,
                    schemas.Strict,
                    schemas.IgnoreMissingSchemas,
                    schemas.Skip,
                    schemas.Reject,
                    ct
                )
                .ConfigureAwait(false);
            return KubeconformReport.ToFindings(output, objects, locator);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
