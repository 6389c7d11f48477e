using GitOpsRunners.Rendering;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tools;
using GitOpsRunners.Validation;
using GitOpsRunners.Validation.Schemas;

namespace GitOpsRunners.Tests.Fidelity;

/// <summary>
/// A throw-away repository with one cluster, <c>one</c>, whose root applies <c>kubernetes/clusters/one</c>;
/// cases write Flux Kustomizations there and the manifests they apply elsewhere, then render it.
/// </summary>
public sealed class FidelityRepository : IDisposable
{
    private readonly TempDirectory _repo = new();
    private readonly FluxRenderer _renderer = new(KustomizeCli.Locate());

    public string Root => _repo.Path;

    public FidelityRepository Write(string relativePath, string content)
    {
        _repo.Write(relativePath, content);
        return this;
    }

    public Task<RenderedCluster> RenderAsync() =>
        _renderer.RenderAsync(new RepositoryLayout(_repo.Path), "one", CancellationToken.None);

    /// <summary>
    /// Runs Validate on the repository against the shared Kubernetes and CRD schemas (strict, as CI does), or
    /// returns null when GITOPS_TEST_SCHEMAS is not set.
    /// </summary>
    public async Task<ValidationResult?> ValidateAsync(bool ignoreMissingSchemas = true)
    {
        if (SharedData.SchemasRoot is not { } schemas)
        {
            return null;
        }

        var cache = Path.Combine(_repo.Path, ".cache");
        var options = new ValidationOptions(
            _repo.Path,
            "kubernetes",
            null,
            new SchemaValidationOptions(
                [
                    Path.Combine(
                        schemas,
                        "kubernetes/{{.NormalizedKubernetesVersion}}-standalone{{.StrictSuffix}}/{{.ResourceKind}}{{.KindSuffix}}.json"
                    ),
                    Path.Combine(schemas, "crds/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json"),
                ],
                "1.36.0",
                true,
                ignoreMissingSchemas,
                new HashSet<string>(),
                new HashSet<string>(),
                cache
            ),
            "unused",
            new HashSet<string>(),
            cache
        );
        using var http = new HttpClient();
        return await new ValidationPipeline(KustomizeCli.Locate(), http, _renderer)
            .RunAsync(options, CancellationToken.None)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Two Flux Kustomizations: <paramref name="provider"/> applying <c>kubernetes/&lt;provider&gt;</c>, then <c>apps</c>
    /// applying <c>kubernetes/apps</c> with <paramref name="appsSpec"/> as more of its spec.
    /// </summary>
    public static string AppsAfter(string provider, string appsSpec) =>
        Kustomization(provider, $"./kubernetes/{provider}")
        + "---\n"
        + Kustomization("apps", "./kubernetes/apps", appsSpec);

    /// <summary>A <c>postBuild.substituteFrom</c> spec naming one <paramref name="kind"/> (Secret or ConfigMap).</summary>
    public static string SubstituteFrom(string kind, string name) =>
        $"  postBuild:\n    substituteFrom:\n      - kind: {kind}\n        name: {name}\n";

    /// <summary>A Flux Kustomization in flux-system applying <paramref name="path"/> of the repository; <paramref name="spec"/> is more of its spec, indented by two.</summary>
    public static string Kustomization(string name, string path, string spec = "") =>
        $"""
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            metadata:
              name: {name}
              namespace: flux-system
            spec:
              interval: 10m
              prune: true
              sourceRef:
                kind: GitRepository
                name: flux-system
              path: {path}

            """ + spec;

    public void Dispose()
    {
        _renderer.Dispose();
        _repo.Dispose();
    }
}
