using System.Diagnostics;
using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Engine;

/// <summary>
/// Runs a plan in order. A failure stops the run (later targets are NotRun); cancellation marks the
/// running target Aborted. Each target runs inside a host group.
/// </summary>
public sealed class TargetExecutor(ICiHost host, ErrorReporter errors, SummaryNotes notes)
{
    public async Task<BuildOutcome> RunAsync(ExecutionPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var results = new List<TargetResult>();
        var exitCode = ExitCodes.Success;
        foreach (var step in plan.Steps)
        {
            if (exitCode != ExitCodes.Success || ct.IsCancellationRequested)
            {
                exitCode = exitCode == ExitCodes.Success ? ExitCodes.Cancelled : exitCode;
                results.Add(new TargetResult(step.Name, TargetStatus.NotRun, TimeSpan.Zero));
                continue;
            }

            var (result, code) = await RunAsync(step, ct).ConfigureAwait(false);
            results.Add(result with { Notes = notes.For(step.Name) });
            exitCode = code;
        }

        return new BuildOutcome(results, exitCode);
    }

    private async Task<(TargetResult Result, int ExitCode)> RunAsync(PlannedTarget step, CancellationToken ct)
    {
        if (step.SkipReason is { } skipReason)
        {
            return (new TargetResult(step.Name, TargetStatus.Skipped, TimeSpan.Zero, skipReason), ExitCodes.Success);
        }

        var stopwatch = Stopwatch.StartNew();
        notes.Current = step.Name;
        host.BeginGroup(step.Name);
        try
        {
            if (step.Target.Conditions.FirstOrDefault(c => !c.Evaluate()) is { } condition)
            {
                return (
                    new TargetResult(
                        step.Name,
                        TargetStatus.Skipped,
                        stopwatch.Elapsed,
                        "condition false: " + condition.Text
                    ),
                    ExitCodes.Success
                );
            }

            foreach (var action in step.Target.Actions)
            {
                ct.ThrowIfCancellationRequested();
                await action(ct).ConfigureAwait(false);
            }

            return (new TargetResult(step.Name, TargetStatus.Succeeded, stopwatch.Elapsed), ExitCodes.Success);
        }
        catch (Exception e) when (ct.IsCancellationRequested && ErrorReporter.Unwrap(e) is OperationCanceledException)
        {
            return (
                new TargetResult(step.Name, TargetStatus.Aborted, stopwatch.Elapsed, "cancelled"),
                ExitCodes.Cancelled
            );
        }
        catch (Exception e)
        {
            errors.Report(e, step.Name);
            var reason = errors.Describe(e);
            host.Annotate(Severity.Error, $"{step.Name} failed: {reason}", null);
            var code = ErrorReporter.Unwrap(e) is BuildException { ExitCode: not ExitCodes.Success } build
                ? build.ExitCode
                : ExitCodes.TargetFailed;
            return (new TargetResult(step.Name, TargetStatus.Failed, stopwatch.Elapsed, reason), code);
        }
        finally
        {
            host.EndGroup();
            notes.Current = "";
        }
    }
}
