using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Validation.Rules;

/// <summary>Secrets with values committed in clear text (SOPS-encrypted ones are fine).</summary>
public sealed class PlaintextSecretPolicy() : ClusterRule(Descriptor)
{
    public static RuleDescriptor Descriptor { get; } =
        new(
            "policy-plaintext-secret",
            Severity.Error,
            "Secrets in Git are leaked secrets.",
            "none: move the value to Key Vault and use an ExternalSecret"
        );

    public override IEnumerable<Finding> Check(RuleContext context)
    {
        foreach (var secret in context.Index.OfKind("", "Secret"))
        {
            if (secret.Body.At("sops") is not null)
            {
                continue;
            }

            foreach (var field in new[] { "data", "stringData" })
            {
                if (secret.Body.MappingAt(field) is { Children.Count: > 0 })
                {
                    yield return context.Report(
                        Descriptor,
                        secret,
                        $"Secret {secret.Name} has values in {field}; keep them in Azure Key Vault and produce the Secret with an ExternalSecret (or encrypt it with SOPS)",
                        field
                    );
                }
            }
        }
    }
}
