using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GitOpsRunners.Smoke;
using GitOpsRunners.Tests.Support;
using k8s;

namespace GitOpsRunners.Tests.Smoke;

/// <summary>Which cluster Smoke talks to when kubeconfig files come from <c>KUBECONFIG</c>, as kubectl would pick it.</summary>
public sealed class KubernetesConnectionSpecs : IDisposable
{
    private readonly TempDirectory _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public void Files_in_the_kubeconfig_variable_are_merged_so_a_context_of_the_second_file_is_found()
    {
        var first = Kubeconfig("first", ("tst", "https://127.0.0.1:6001"));
        var second = Kubeconfig("second", ("prd", "https://127.0.0.1:6002"));

        var configuration = Configure(new SmokeOptions(Context: "prd"), first, second);

        configuration.Host.Should().Be("https://127.0.0.1:6002");
    }

    [Fact]
    public void The_first_file_to_set_a_current_context_or_define_a_name_wins()
    {
        var first = Kubeconfig("first", ("shared", "https://127.0.0.1:6001"));
        var second = Kubeconfig("second", ("shared", "https://127.0.0.1:6002"), ("other", "https://127.0.0.1:6003"));

        Configure(new SmokeOptions(), second, first).Host.Should().Be("https://127.0.0.1:6002");
        Configure(new SmokeOptions(), first, second).Host.Should().Be("https://127.0.0.1:6001");
        Configure(new SmokeOptions(Context: "shared"), first, second).Host.Should().Be("https://127.0.0.1:6001");
    }

    [Fact]
    public void Missing_and_empty_files_in_the_list_are_skipped()
    {
        var only = Kubeconfig("only", ("tst", "https://127.0.0.1:6001"));
        var empty = _home.Write("empty", "");

        Configure(new SmokeOptions(), _home.Combine("absent"), empty, only).Host.Should().Be("https://127.0.0.1:6001");
    }

    [Fact]
    public void A_kubeconfig_variable_that_names_no_existing_file_does_not_fall_back_to_the_home_config()
    {
        _home.Write(".kube/config", KubeconfigText(("home", "https://127.0.0.1:6009")));

        var act = () => Configure(new SmokeOptions(), _home.Combine("absent"));

        act.Should().Throw<SmokeConnectionException>().WithMessage("No kubeconfig found*");
        Configure(new SmokeOptions()).Host.Should().Be("https://127.0.0.1:6009");
    }

    [Fact]
    public void A_relative_certificate_path_is_read_from_the_folder_of_the_file_that_names_it()
    {
        using var key = RSA.Create(2048);
        using var ca = new CertificateRequest(
            "CN=second-ca",
            key,
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1
        ).CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));
        _home.Write("b/ca.crt", ca.ExportCertificatePem());
        var first = Kubeconfig("a/first", ("tst", "https://127.0.0.1:6001"));
        var second = _home.Write(
            "b/second",
            WithCertificateAuthority(KubeconfigText(("prd", "https://127.0.0.1:6002")))
        );

        var configuration = Configure(new SmokeOptions(Context: "prd"), first, second);

        configuration.SslCaCerts.Should().ContainSingle().Which.Subject.Should().Be("CN=second-ca");
    }

    [Fact]
    public void A_certificate_file_the_kubeconfig_names_but_that_is_missing_is_a_connection_error_naming_it()
    {
        var path = _home.Write("c/config", WithCertificateAuthority(KubeconfigText(("prd", "https://127.0.0.1:6002"))));

        var act = () => KubernetesConnection.Configure(new SmokeOptions(Kubeconfig: path));

        act.Should()
            .Throw<SmokeConnectionException>()
            .WithMessage($"*{_home.Combine("c/ca.crt")}*")
            .Which.Message.Should()
            .Contain("certificate");
    }

    [Fact]
    public void An_empty_file_given_with_the_kubeconfig_option_is_a_connection_error()
    {
        var path = _home.Write("empty", "# nothing yet\n");

        var act = () => KubernetesConnection.Configure(new SmokeOptions(Kubeconfig: path));

        act.Should().Throw<SmokeConnectionException>().WithMessage("--kubeconfig *empty: the file is empty*");
    }

    private KubernetesClientConfiguration Configure(SmokeOptions options, params string[] files) =>
        KubernetesConnection.Configure(
            options,
            name =>
                name switch
                {
                    "KUBECONFIG" when files.Length > 0 => string.Join(Path.PathSeparator, files),
                    "HOME" => _home.Path,
                    _ => null,
                }
        );

    private static string WithCertificateAuthority(string kubeconfig) =>
        kubeconfig.Replace(
            "      server: ",
            "      certificate-authority: ca.crt\n      server: ",
            StringComparison.Ordinal
        );

    private string Kubeconfig(string name, params (string Context, string Server)[] contexts) =>
        _home.Write(name, KubeconfigText(contexts));

    /// <summary>A kubeconfig with one cluster, user and context per entry; the first entry is the current context.</summary>
    private static string KubeconfigText(params (string Context, string Server)[] contexts) =>
        $"""
            apiVersion: v1
            kind: Config
            clusters:
            {string.Concat(
                contexts.Select(c => $"  - name: {c.Context}\n    cluster:\n      server: {c.Server}\n")
            )}users:
            {string.Concat(
                contexts.Select(c => $"  - name: {c.Context}\n    user:\n      token: t-{c.Context}\n")
            )}contexts:
            {string.Concat(
                contexts.Select(c =>
                    $"  - name: {c.Context}\n    context:\n      cluster: {c.Context}\n      user: {c.Context}\n"
                )
            )}current-context: {contexts[0].Context}
            """;
}
