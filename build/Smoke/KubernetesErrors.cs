using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using GitOpsRunners.Engine;
using k8s.Autorest;

namespace GitOpsRunners.Smoke;

/// <summary>Turns client exceptions into one-line <see cref="SmokeConnectionException"/>s that say what to do.</summary>
internal static class KubernetesErrors
{
    public static bool IsNotFound(Exception e) =>
        e is HttpOperationException { Response.StatusCode: HttpStatusCode.NotFound };

    public static Exception Map(
        Exception e,
        string server,
        string? context,
        TimeSpan? requestTimeout = null,
        string? request = null
    )
    {
        var where = context is null ? server : $"{server} (context {context})";
        return e switch
        {
            TaskCanceledException or TimeoutException when requestTimeout is { } limit => new SmokeConnectionException(
                $"The Kubernetes API server at {where} did not answer within {SmokeDurations.Format(limit)}{(request is null ? "" : $" ({request})")}; check the cluster address, VPN and --context",
                e
            ),
            JsonException json => new BuildException(
                $"The Kubernetes API server at {where} sent an answer that is not Kubernetes JSON{(request is null ? "" : $" to {request}")} ({json.Message.Split('.')[0]}); check that the kubeconfig points at a Kubernetes API server and not a proxy or login page",
                ExitCodes.TargetFailed,
                e
            ),
            HttpOperationException { Response.StatusCode: HttpStatusCode.Unauthorized } => new SmokeConnectionException(
                $"The Kubernetes API server at {where} rejected the credentials (401 Unauthorized); log in again (AKS: az login, then kubelogin convert-kubeconfig) and retry",
                e
            ),
            HttpOperationException { Response.StatusCode: HttpStatusCode.Forbidden } http =>
                new SmokeConnectionException(
                    $"Forbidden (403) at {where}: {Refused(http)}; grant the smoke identity get/list on it (a read-only ClusterRole)",
                    e
                ),
            HttpOperationException http => new BuildException(
                $"The Kubernetes API server at {where} answered {(int)http.Response.StatusCode} to {http.Request.Method} {http.Request.RequestUri?.PathAndQuery}: {StatusMessage(http) ?? http.Message}",
                ExitCodes.TargetFailed,
                e
            ),
            HttpRequestException or SocketException or TaskCanceledException or IOException =>
                new SmokeConnectionException(
                    $"Cannot reach the Kubernetes API server at {where}: {Innermost(e).Message.TrimEnd('.')}; check the cluster address, VPN and --context",
                    e
                ),
            _ => e,
        };
    }

    /// <summary>The server's own sentence (it names verb, resource and namespace), else one built from the request.</summary>
    private static string Refused(HttpOperationException http)
    {
        if (StatusMessage(http) is { Length: > 0 } message)
        {
            return message;
        }

        // /api/v1/[namespaces/<ns>/]<resource>[/<name>] or /apis/<group>/<version>/[namespaces/<ns>/]<resource>[/<name>]
        var path = http.Request.RequestUri?.AbsolutePath.Trim('/').Split('/') ?? [];
        var rest = path.Skip(path.FirstOrDefault() == "api" ? 2 : 3).ToArray();
        if (rest is ["namespaces", _, _, ..])
        {
            rest = rest[2..];
        }

        var resource = rest.FirstOrDefault() ?? "resource";
        var verb =
            http.Request.Method == HttpMethod.Get
                ? (rest.Length > 1 ? "get" : "list")
                : http.Request.Method.Method.ToLowerInvariant();
        return $"cannot {verb} {resource}";
    }

    private static string? StatusMessage(HttpOperationException http)
    {
        try
        {
            using var document = JsonDocument.Parse(http.Response.Content ?? "");
            return document.RootElement.TryGetProperty("message", out var message) ? message.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
