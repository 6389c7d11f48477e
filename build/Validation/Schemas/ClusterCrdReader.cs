using GitOpsRunners.Diagnostics;
using GitOpsRunners.Engine;
using GitOpsRunners.Manifests;
using k8s;
using k8s.Autorest;
using YamlDotNet.RepresentationModel;

namespace GitOpsRunners.Validation.Schemas;

/// <summary>Reads the CustomResourceDefinitions a live cluster serves, as manifests for <see cref="CrdSchemaConverter"/>.</summary>
public static class ClusterCrdReader
{
    public static async Task<IReadOnlyList<Manifest>> ReadAsync(
        KubernetesClientConfiguration configuration,
        CancellationToken ct
    )
    {
        using var client = new Kubernetes(configuration);
        k8s.Models.V1CustomResourceDefinitionList list;
        try
        {
            list = await client
                .ApiextensionsV1.ListCustomResourceDefinitionAsync(cancellationToken: ct)
                .ConfigureAwait(false);
        }
        catch (HttpOperationException e)
        {
            throw new BuildException(
                $"Listing CustomResourceDefinitions at {configuration.Host} failed with HTTP {(int)e.Response.StatusCode}: {e.Response.ReasonPhrase}; check the kubeconfig and that you may list customresourcedefinitions."
            );
        }
        catch (HttpRequestException e)
        {
            throw new BuildException($"Cannot reach the Kubernetes API at {configuration.Host}: {e.Message}");
        }

        var manifests = new List<Manifest>();
        foreach (var crd in list.Items)
        {
            // JSON is YAML: the converter works on YAML nodes, so the API's JSON is read as one YAML document.
            var json = KubernetesJson.Serialize(crd);
            var stream = new YamlStream();
            stream.Load(new StringReader(json));
            var body = (YamlMappingNode)stream.Documents[0].RootNode;
            body.Children[new YamlScalarNode("apiVersion")] = new YamlScalarNode("apiextensions.k8s.io/v1");
            body.Children[new YamlScalarNode("kind")] = new YamlScalarNode("CustomResourceDefinition");
            manifests.Add(
                new Manifest(
                    "apiextensions.k8s.io/v1",
                    "CustomResourceDefinition",
                    crd.Metadata.Name,
                    null,
                    body,
                    new SourceLocation($"cluster:{crd.Metadata.Name}", 1)
                )
            );
        }

        return manifests;
    }
}
