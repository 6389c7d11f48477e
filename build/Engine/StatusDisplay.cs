using Spectre.Console;

namespace GitOpsRunners.Engine;

/// <summary>
/// A spinner with a message while long work runs, on an interactive terminal only; elsewhere (CI, pipes,
/// tests) the work simply runs.
/// </summary>
public sealed class StatusDisplay(IAnsiConsole console)
{
    public bool IsLive => console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi;

    public async Task<T> RunAsync<T>(string message, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        return IsLive
            ? await new Status(console).StartAsync(Markup.Escape(message), _ => work(ct)).ConfigureAwait(false)
            : await work(ct).ConfigureAwait(false);
    }

    public Task RunAsync(string message, Func<CancellationToken, Task> work, CancellationToken ct) =>
        RunAsync(
            message,
            async token =>
            {
                await work(token).ConfigureAwait(false);
                return true;
            },
            ct
        );
}
