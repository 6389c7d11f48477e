using Spectre.Console;

namespace GitOpsRunners.Smoke;

/// <summary>
/// Polls the cluster until every check passes, nothing is pending any more (only failures left), or the timeout expires;
/// prints what is still pending on each poll, then the final table and the failing objects' Warning events.
/// </summary>
public sealed class SmokeRunner(IClusterReader reader, IAnsiConsole console, TimeProvider time)
{
    private const int PendingLinesShown = 12;

    /// <summary>How long after <c>--timeout</c> a hanging read is abandoned.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    /// <summary>How long the Warning events of failing objects may take to read.</summary>
    private static readonly TimeSpan EventsTime = TimeSpan.FromSeconds(10);

    public async Task<SmokeReport> RunAsync(SmokeExpectations expected, SmokeOptions options, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var timeout = options.EffectiveTimeout;
        IReadOnlyList<CheckResult>? results = null;
        var timedOut = false;
        var lastShown = "";
        console.MarkupLine(
            $"Smoke [bold]{Markup.Escape(expected.Cluster)}[/]: {expected.Kustomizations.Count} Kustomizations, {expected.HelmReleases.Count} HelmReleases, {expected.ScaleSets.Count} scale sets; revision {Markup.Escape(expected.Revision ?? "not checked")}, timeout {SmokeDurations.Format(timeout)}"
        );
        // A read that hangs (an API server that accepts and never answers) ends with the timeout, not after it.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout + Grace);
        while (true)
        {
            ClusterSnapshot snapshot;
            try
            {
                snapshot = await reader.ReadAsync(expected, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested && results is not null)
            {
                timedOut = true; // the last complete read stands; the one cut at the deadline is dropped
                break;
            }
            catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
            {
                throw new SmokeConnectionException(
                    $"The Kubernetes API server at {reader.Server} did not answer within --timeout {SmokeDurations.Format(timeout)}; check the cluster address, VPN and --context, or give a longer --timeout",
                    e
                );
            }

            results = HealthRules.Evaluate(expected, snapshot);
            if (results.All(r => r.State == CheckState.Pass) || results.All(r => r.State != CheckState.Pending))
            {
                break;
            }

            var elapsed = time.GetElapsedTime(started);
            if (elapsed >= timeout)
            {
                timedOut = true;
                break;
            }

            lastShown = ShowProgress(results, elapsed, lastShown);
            var wait =
                options.EffectivePollInterval < timeout - elapsed ? options.EffectivePollInterval : timeout - elapsed;
            await Task.Delay(wait, time, ct).ConfigureAwait(false);
        }

        var notPassed = results!
            .Where(r => r.State != CheckState.Pass && r.Object is not null)
            .Select(r => r.Object!)
            .ToList();
        var events = notPassed.Count == 0 ? [] : await WarningEventsAsync(notPassed, ct).ConfigureAwait(false);
        var report = new SmokeReport(expected.Cluster, results!, timedOut, time.GetElapsedTime(started), events);
        SmokeConsoleReport.Write(console, report);
        if (options.JUnitPath is { Length: > 0 } junit)
        {
            await SmokeJUnitWriter.WriteAsync(report, junit, ct).ConfigureAwait(false);
        }

        return report;
    }

    /// <summary>The failing objects' Warning events, or none when the API server does not answer in time.</summary>
    private async Task<IReadOnlyList<ClusterEvent>> WarningEventsAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(EventsTime);
        try
        {
            return await reader.ReadWarningEventsAsync(ids, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            console.MarkupLine(
                $"[yellow]Warning events not shown: {Markup.Escape(reader.Server)} did not answer within {SmokeDurations.Format(EventsTime)}.[/]"
            );
            return [];
        }
    }

    /// <summary>One status line per poll; the pending list only when it changed since the last poll.</summary>
    private string ShowProgress(IReadOnlyList<CheckResult> results, TimeSpan elapsed, string lastShown)
    {
        var waiting = results.Where(r => r.State != CheckState.Pass).ToList();
        console.MarkupLine(
            $"[grey][[{SmokeDurations.Format(elapsed)}]][/] {results.Count(r => r.State == CheckState.Pass)}/{results.Count} passed, waiting for {waiting.Count}"
        );
        var lines = waiting
            .Take(PendingLinesShown)
            .Select(r => $"  {(r.State == CheckState.Fail ? "failing" : "pending")} {r.Object ?? r.Name}: {r.Reason}")
            .ToList();
        if (waiting.Count > PendingLinesShown)
        {
            lines.Add($"  …and {waiting.Count - PendingLinesShown} more");
        }

        var shown = string.Join('\n', lines);
        if (shown != lastShown)
        {
            foreach (var line in lines)
            {
                console.MarkupLine($"[grey]{Markup.Escape(line)}[/]");
            }
        }

        return shown;
    }
}
