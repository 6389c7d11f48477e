using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace GitOpsRunners.Tests.Support.Registry;

/// <summary>
/// Signs registry bearer tokens as a distribution token server does: a JWT (ES256, P-256 key) whose
/// header carries the signing certificate in <c>x5c</c>, checked by the registry against the
/// <c>rootcertbundle</c> PEM written by <see cref="WriteRootBundle"/>; the <c>access</c> claim lists the
/// granted repository actions.
/// </summary>
public sealed class TestTokenIssuer : IDisposable
{
    public const string Issuer = "registries-specs-issuer";
    public const string Service = "registries-specs";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly X509Certificate2 _certificate;

    public TestTokenIssuer()
    {
        var request = new CertificateRequest("CN=registries-specs token signer", _key, HashAlgorithmName.SHA256);
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    public string WriteRootBundle(string folder)
    {
        var path = Path.Combine(folder, "token-root.pem");
        File.WriteAllText(path, _certificate.ExportCertificatePem());
        return path;
    }

    /// <summary>A token for <paramref name="actions"/> on <paramref name="repository"/>; no actions → a token that grants nothing.</summary>
    public string Issue(string? repository, params string[] actions)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new Dictionary<string, object>
        {
            ["typ"] = "JWT",
            ["alg"] = "ES256",
            ["x5c"] = new[] { Convert.ToBase64String(_certificate.RawData) },
        };
        var access =
            repository is null || actions.Length == 0
                ? Array.Empty<object>()
                :
                [
                    new
                    {
                        type = "repository",
                        name = repository,
                        actions,
                    },
                ];
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["sub"] = "registries-specs",
            ["aud"] = Service,
            ["exp"] = now + 300,
            ["nbf"] = now - 10,
            ["iat"] = now,
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["access"] = access,
        };
        var signingInput =
            Base64Url(JsonSerializer.SerializeToUtf8Bytes(header))
            + "."
            + Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = _key.SignData(
            Encoding.ASCII.GetBytes(signingInput),
            HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation
        );
        return signingInput + "." + Base64Url(signature);
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _key.Dispose();
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
