using System.Net;
using System.Net.Sockets;
using System.Text;
using CliWrap;

namespace GitOpsRunners.Tests.Support.Registry;

/// <summary>
/// The CNCF distribution registry (Debian's docker-registry, v2.8) run on 127.0.0.1 with a config file.
/// The binary is <c>/usr/bin/docker-registry</c> unless <c>GITOPS_TEST_REGISTRY_BINARY</c> names another.
/// </summary>
public sealed class RegistryBinary : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly StringBuilder _output = new();
    private readonly Task _run;
    private readonly string _binary;

    private RegistryBinary(string binary, string configPath, Uri baseUri)
    {
        BaseUri = baseUri;
        _binary = binary;
        _run = Cli.Wrap(binary)
            .WithArguments(["serve", configPath])
            .WithStandardOutputPipe(PipeTarget.Null)
            .WithStandardErrorPipe(
                PipeTarget.ToDelegate(line =>
                {
                    lock (_output)
                        _output.AppendLine(line);
                })
            )
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(_stop.Token)
            .Task;
    }

    public static string Path =>
        Environment.GetEnvironmentVariable("GITOPS_TEST_REGISTRY_BINARY") is { Length: > 0 } custom
            ? custom
            : "/usr/bin/docker-registry";

    public Uri BaseUri { get; }

    public string Authority => BaseUri.Authority;

    /// <summary>Writes a config with <paramref name="authSection"/> (YAML under <c>auth:</c>, or null) and starts the registry.</summary>
    public static async Task<RegistryBinary> StartAsync(string folder, string? authSection, string? binary = null)
    {
        binary ??= Path;
        if (!File.Exists(binary))
            throw new InvalidOperationException(
                $"The distribution registry binary {binary} is missing: run .ci/install-registry.sh (apt-get install docker-registry) before the Registries tests."
            );

        var port = LoopbackPort.Free();
        var config = new StringBuilder()
            .AppendLine("version: 0.1")
            .AppendLine("log:\n  level: warn\n  accesslog:\n    disabled: true")
            .AppendLine(
                $"storage:\n  filesystem:\n    rootdirectory: {System.IO.Path.Combine(folder, "data")}\n  delete:\n    enabled: true"
            )
            .AppendLine($"http:\n  addr: 127.0.0.1:{port}\n  secret: registries-specs")
            .AppendLine(authSection is null ? "" : "auth:\n" + authSection)
            .ToString();
        var configPath = System.IO.Path.Combine(folder, "config.yml");
        await File.WriteAllTextAsync(configPath, config);

        var registry = new RegistryBinary(binary, configPath, new Uri($"http://127.0.0.1:{port}/"));
        await registry.WaitUntilAnsweringAsync();
        return registry;
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_run.IsCompleted)
                throw new InvalidOperationException($"{_binary} exited at start:\n{Output}");
            try
            {
                using var response = await http.GetAsync(new Uri(BaseUri, "v2/"));
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                    return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"{_binary} did not answer on {BaseUri}v2/ within 15 s:\n{Output}");
    }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run;
        }
        catch (OperationCanceledException) { }

        _stop.Dispose();
    }
}
