using System.Net;
using GitOpsRunners.Engine;

namespace GitOpsRunners.Validation.Schemas;

/// <summary>
/// Reads schema text from a resolved location: a local file, or an http(s) URL through the disk cache.
/// Returns null when the schema is not there (missing file, HTTP 404) so the next location is tried.
/// </summary>
public sealed class SchemaSourceReader(HttpClient http, SchemaDiskCache cache, Caching.ReadLog? reads = null)
{
    public async Task<string?> ReadAsync(string resolved, bool isHttp, CancellationToken ct) =>
        isHttp
            ? await DownloadAsync(resolved, ct).ConfigureAwait(false)
            : await ReadFileAsync(resolved, ct).ConfigureAwait(false);

    private async Task<string?> ReadFileAsync(string path, CancellationToken ct)
    {
        try
        {
            var text = await File.ReadAllTextAsync(path, ct).ConfigureAwait(false);
            reads?.Read(path, text);
            return text;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            reads?.Read(path, null);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BuildException($"failed to open schema at {path}: {e.Message}");
        }
    }

    private async Task<string?> DownloadAsync(string url, CancellationToken ct)
    {
        if (await cache.TryReadAsync(url, ct).ConfigureAwait(false) is { } cached)
        {
            reads?.Read(cache.PathFor(url), cached);
            return cached;
        }

        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(new Uri(url), ct).ConfigureAwait(false);
        }
        catch (Exception e)
            when (e is HttpRequestException || e is TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new BuildException(
                $"failed downloading schema at {url}: {e.Message}. "
                    + "When offline, point --schema-location at a local folder of schemas."
            );
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new BuildException(
                    $"error while downloading schema at {url} - received HTTP status {(int)response.StatusCode}. "
                        + "Check the schema location or try again later."
                );
            }

            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            await cache.WriteAsync(url, body, ct).ConfigureAwait(false);
            return body;
        }
    }
}
