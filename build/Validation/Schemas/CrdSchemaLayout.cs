namespace GitOpsRunners.Validation.Schemas;

/// <summary>How <see cref="CrdSchemaConverter.WriteAsync"/> names schema files.</summary>
public enum CrdSchemaLayout
{
    /// <summary><c>{kind}_{version}.json</c>, openapi2jsonschema's default; location <c>dir/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json</c>.</summary>
    KindVersion,

    /// <summary><c>{group}/{kind}_{version}.json</c>, the datreeio/CRDs-catalog layout.</summary>
    GroupKindVersion,

    /// <summary><c>{k8s}-standalone[-strict]/{kind}-{group label}-{version}.json</c>: a plain folder location for kubeconform.</summary>
    KubeconformStandalone,
}
