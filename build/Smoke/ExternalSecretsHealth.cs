namespace GitOpsRunners.Smoke;

/// <summary>ClusterSecretStores validated, ExternalSecrets synced, and their target Secrets holding the keys that are needed.</summary>
internal static class ExternalSecretsHealth
{
    private static readonly string[] AppKeys =
    [
        "github_app_id",
        "github_app_installation_id",
        "github_app_private_key",
    ];

    public static IEnumerable<CheckResult> Evaluate(SmokeExpectations expected, ClusterSnapshot snapshot)
    {
        foreach (var store in expected.ClusterSecretStores)
        {
            yield return Ready(CheckNames.SecretStore, store.Key, snapshot, ["Valid", "ValidationUnknown"]);
        }

        foreach (var external in expected.ExternalSecrets)
        {
            yield return Ready(
                CheckNames.ExternalSecret,
                external.Key,
                snapshot,
                ["SecretSynced", "SecretMissing", "SecretDeleted"]
            );
        }

        foreach (var secret in expected.Secrets)
        {
            yield return Keys(secret, snapshot);
        }
    }

    private static CheckResult Ready(string check, ObjectKey key, ClusterSnapshot snapshot, string[] goodReasons)
    {
        if (snapshot.Find(key) is not { } found)
        {
            return FluxObjectHealth.Missing(check, key, snapshot);
        }

        return found.Condition("Ready") switch
        {
            null => CheckResult.Pending(check, found.Id, "not validated yet (no Ready condition)"),
            { IsTrue: true } ready when ready.Reason is null || goodReasons.Contains(ready.Reason) => CheckResult.Pass(
                check,
                found.Id,
                ready.ToString()
            ),
            { IsTrue: true } ready => CheckResult.Pending(check, found.Id, ready.ToString()),
            { Status: "False" } ready => CheckResult.Fail(check, found.Id, ready.ToString()),
            var ready => CheckResult.Pending(check, found.Id, ready.ToString()),
        };
    }

    private static CheckResult Keys(ExpectedSecret expected, ClusterSnapshot snapshot)
    {
        if (snapshot.Secret(expected.Namespace, expected.Name) is not { } found)
        {
            var by = expected.ProducedBy is { } producer
                ? $"; {producer.Id} has not written it yet"
                : "; nothing in the repository produces it";
            return CheckResult.Pending(CheckNames.Secret, expected.Id, "Secret not found" + by);
        }

        var keys = found.Keys.ToHashSet(StringComparer.Ordinal);
        var listed = keys.Count == 0 ? "no keys" : $"keys {string.Join(", ", keys.Order(StringComparer.Ordinal))}";
        var missing = expected.Keys.Where(k => !keys.Contains(k)).ToList();
        if (missing.Count > 0)
        {
            return CheckResult.Fail(
                CheckNames.Secret,
                expected.Id,
                $"lacks {string.Join(", ", missing)} (has {listed})"
            );
        }

        if (expected.ArcCredentials)
        {
            var pat = keys.Contains("github_token");
            var app = AppKeys.All(keys.Contains);
            if (!pat && !app)
            {
                return CheckResult.Fail(
                    CheckNames.Secret,
                    expected.Id,
                    $"has {listed} but ARC needs github_token or {string.Join(", ", AppKeys)}"
                );
            }

            if (pat && AppKeys.Any(keys.Contains))
            {
                return CheckResult.Fail(
                    CheckNames.Secret,
                    expected.Id,
                    $"has {listed}: ARC refuses a token together with GitHub App keys; keep one"
                );
            }
        }

        return CheckResult.Pass(CheckNames.Secret, expected.Id, $"has {listed}");
    }
}
