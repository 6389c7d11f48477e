using System.Net;
using GitOpsRunners.Engine;

namespace GitOpsRunners.Versions.Registries;

/// <summary>
/// A registry (OCI or Helm HTTP repository) could not answer: the message names the registry host,
/// what was asked, what went wrong and, where it helps, which environment variables to set.
/// </summary>
public sealed class RegistryException(
    string host,
    string message,
    HttpStatusCode? statusCode = null,
    Exception? inner = null
) : BuildException(message, ExitCodes.TargetFailed, inner)
{
    /// <summary>The registry host (with port when it has one), e.g. <c>ghcr.io</c> or <c>127.0.0.1:5000</c>.</summary>
    public string Host { get; } = host;

    /// <summary>The last HTTP status the registry answered with, when there was an answer.</summary>
    public HttpStatusCode? StatusCode { get; } = statusCode;
}
