using System.Net;
using System.Text.Json;
using Polly.Timeout;

namespace GitOpsRunners.Versions.Registries;

/// <summary>
/// Sends one registry request through the resilient client and turns what is left after the retries
/// (a timeout, a connection error, an error status) into a <see cref="RegistryException"/> that names
/// the host, the action and the number of attempts.
/// </summary>
internal static class RegistrySender
{
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient http,
        HttpRequestMessage request,
        string host,
        string action,
        CancellationToken ct
    )
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new RegistryException(
                host,
                $"{host}: {action} timed out after {Attempts(request)} (no whole answer within {ex.Timeout.TotalSeconds:0.###} s each); {WhatToDo}",
                inner: ex
            );
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new RegistryException(
                host,
                $"{host}: {action} timed out after {Attempts(request)}; {WhatToDo}",
                inner: ex
            );
        }
        catch (HttpRequestException ex)
        {
            throw new RegistryException(
                host,
                $"{host}: {action} failed after {Attempts(request)}: {ex.Message}",
                inner: ex
            );
        }
    }

    /// <summary>The exception for a final non-success <paramref name="response"/>; <paramref name="hint"/> says what to do.</summary>
    public static async Task<RegistryException> FailureAsync(
        HttpResponseMessage response,
        string host,
        string action,
        string? hint,
        CancellationToken ct
    )
    {
        var status = (int)response.StatusCode;
        var detail = await ErrorDetailAsync(response, ct);
        var attempts =
            response.RequestMessage is { } request && AttemptCountingHandler.Attempts(request) > 1
                ? $" after {Attempts(request)}"
                : "";
        var message =
            $"{host}: {action} failed with HTTP {status} {response.ReasonPhrase ?? response.StatusCode.ToString()}{attempts}{detail}."
            + (hint is null ? "" : " " + hint);
        return new RegistryException(host, message, response.StatusCode);
    }

    private const string WhatToDo =
        "check that the registry is up and reachable, read it through --registry-mirror, or raise --request-timeout.";

    private static string Attempts(HttpRequestMessage request)
    {
        var attempts = AttemptCountingHandler.Attempts(request);
        return attempts == 1 ? "1 attempt" : $"{attempts} attempts";
    }

    /// <summary>The first <c>{"errors":[{"code","message"}]}</c> entry of an OCI error body, or a short text excerpt.</summary>
    private static async Task<string> ErrorDetailAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.RequestMessage?.Method == HttpMethod.Head)
            return "";
        string body;
        try
        {
            body = (await response.Content.ReadAsStringAsync(ct)).Trim();
        }
        catch (HttpRequestException)
        {
            return "";
        }

        if (body.Length == 0)
            return "";
        try
        {
            using var json = JsonDocument.Parse(body);
            if (
                json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array
                && errors.GetArrayLength() > 0
            )
            {
                var first = errors[0];
                var code = first.TryGetProperty("code", out var c) ? c.ToString() : "";
                var text = first.TryGetProperty("message", out var m) ? m.ToString() : "";
                return $" ({code}: {text})";
            }
        }
        catch (JsonException) { }

        var line = body.Split('\n')[0];
        return $" ({(line.Length > 160 ? line[..160] + "…" : line)})";
    }

    public static bool IsAuthFailure(HttpStatusCode status) =>
        status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
}
