using GitOpsRunners.Rendering;
using GitOpsRunners.Tests.Support;
using GitOpsRunners.Tests.Validation.Schemas;
using GitOpsRunners.Tools;
using GitOpsRunners.Validation;

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

        return await SharedSchemaValidation
            .RunAsync(
                _repo.Path,
                "kubernetes",
                SharedSchemaValidation.Locations(schemas),
                ignoreMissingSchemas,
                Path.Combine(_repo.Path, ".cache"),
                _renderer
            )
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the cluster's one Flux Kustomization, <paramref name="name"/>, applying <c>kubernetes/&lt;name&gt;</c> with
    /// <paramref name="spec"/> as more of its spec.
    /// </summary>
    public FidelityRepository WriteKustomization(string name, string? spec = null) =>
        Write("kubernetes/clusters/one/ks.yaml", FluxYaml.Kustomization(name, $"./kubernetes/{name}", spec));

    /// <summary>
    /// Writes the cluster's Flux Kustomizations (<see cref="AppsAfter"/>), what <paramref name="provider"/> applies as
    /// <paramref name="providerFile"/> and what <c>apps</c> applies as <c>kubernetes/apps/app.yaml</c>, then renders.
    /// </summary>
    public Task<RenderedCluster> RenderAppsAfterAsync(
        string provider,
        string appsSpec,
        string providerFile,
        string providerYaml,
        string appYaml
    ) =>
        Write("kubernetes/clusters/one/ks.yaml", AppsAfter(provider, appsSpec))
            .Write($"kubernetes/{provider}/{providerFile}", providerYaml)
            .Write("kubernetes/apps/app.yaml", appYaml)
            .RenderAsync();

    /// <summary>
    /// Two Flux Kustomizations: <paramref name="provider"/> applying <c>kubernetes/&lt;provider&gt;</c>, then <c>apps</c>
    /// applying <c>kubernetes/apps</c> with <paramref name="appsSpec"/> as more of its spec.
    /// </summary>
    public static string AppsAfter(string provider, string appsSpec) =>
        FluxYaml.Kustomization(provider, $"./kubernetes/{provider}")
        + "---\n"
        + FluxYaml.Kustomization("apps", "./kubernetes/apps", appsSpec);

    /// <summary>A <c>postBuild.substituteFrom</c> spec naming one <paramref name="kind"/> (Secret or ConfigMap).</summary>
    public static string SubstituteFrom(string kind, string name) =>
        $"postBuild:\n  substituteFrom:\n    - kind: {kind}\n      name: {name}\n";

    /// <summary>A ConfigMap in <c>flux-system</c> whose <c>data</c> lines are <paramref name="data"/> (indented by two).</summary>
    public static string ConfigMap(string name, string data) =>
        $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n  namespace: flux-system\ndata:\n{data}";

    public void Dispose()
    {
        _renderer.Dispose();
        _repo.Dispose();
    }
}
