using System.Net;
using GitOpsRunners.Smoke;
using k8s.Autorest;

namespace GitOpsRunners.Tests.Smoke;

public class KubernetesErrorsSpecs
{
    private static HttpOperationException Http(HttpStatusCode status, string path, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("https://aks.example:443" + path));
        using var response = new HttpResponseMessage(status);
        return new HttpOperationException("Operation returned an invalid status code")
        {
            Request = new HttpRequestMessageWrapper(request, ""),
            Response = new HttpResponseMessageWrapper(response, body),
        };
    }

    [Theory]
    [InlineData("/apis/helm.toolkit.fluxcd.io/v2/namespaces/apps/helmreleases", "cannot list helmreleases")]
    [InlineData("/api/v1/namespaces/apps/secrets/github", "cannot get secrets")]
    [InlineData("/apis/external-secrets.io/v1/clustersecretstores", "cannot list clustersecretstores")]
    public void A_403_without_a_status_body_still_names_verb_and_resource(string path, string expected)
    {
        var mapped = KubernetesErrors.Map(
            Http(HttpStatusCode.Forbidden, path, "<html>denied by proxy</html>"),
            "https://aks.example:443",
            "aks-prd"
        );

        mapped
            .Should()
            .BeOfType<SmokeConnectionException>()
            .Which.Message.Should()
            .Be(
                $"Forbidden (403) at https://aks.example:443 (context aks-prd): {expected}; grant the smoke identity get/list on it (a read-only ClusterRole)"
            );
    }

    [Fact]
    public void Another_server_error_is_a_build_error_naming_the_request_and_the_servers_message()
    {
        var mapped = KubernetesErrors.Map(
            Http(
                HttpStatusCode.InternalServerError,
                "/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations",
                """{"kind":"Status","message":"etcdserver: request timed out"}"""
            ),
            "https://aks.example:443",
            null
        );

        mapped
            .Should()
            .BeOfType<GitOpsRunners.Engine.BuildException>()
            .Which.Message.Should()
            .Be(
                "The Kubernetes API server at https://aks.example:443 answered 500 to GET /apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations: etcdserver: request timed out"
            );
    }

    [Fact]
    public void An_unrelated_exception_is_left_alone()
    {
        var original = new InvalidOperationException("bug");

        KubernetesErrors.Map(original, "https://aks.example:443", null).Should().BeSameAs(original);
    }
}
