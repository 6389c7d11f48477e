using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Validation.Rules;

/// <summary>Secrets with values committed in clear text (SOPS-encrypted ones are fine).</summary>
public sealed class PlaintextSecretPolicy : IClusterRule
{
    public IEnumerable<Finding> Check(RuleContext context)
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
                        "policy-plaintext-secret",
                        secret,
                        $"Secret {secret.Name} has values in {field}; keep them in Azure Key Vault and produce the Secret with an ExternalSecret (or encrypt it with SOPS)",
                        field
                    );
                }
            }
        }
    }
}
