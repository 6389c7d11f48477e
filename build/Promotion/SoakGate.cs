using System.Globalization;

namespace GitOpsRunners.Promotion;

/// <summary>
/// The pins being promoted must have been on the default branch for at least the minimum soak time (pure).
/// The clock starts when the last of them arrived.
/// </summary>
public static class SoakGate
{
    public static GateResult Evaluate(
        IReadOnlyList<PinArrival> arrivals,
        TimeSpan minimum,
        DateTimeOffset now,
        string branch
    )
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        var details = arrivals
            .Select(a =>
                a.Revision is { } r
                    ? $"{a.Name} = {a.Value} on {branch} since {Stamp(r.CommittedAt)} ({r.Sha[..12]} {r.Summary})"
                    : $"{a.Name} = {a.Value} is not on {branch}"
            )
            .ToList();
        var absent = arrivals.Where(a => a.Revision is null).Select(a => a.Name).ToList();
        if (absent.Count > 0)
        {
            return new GateResult(
                GateResult.SoakContext,
                "Soak",
                false,
                $"{string.Join(", ", absent)} of {arrivals[0].Pin.Cluster} not on {branch} yet; merge first, soaking starts then",
                details
            );
        }

        if (arrivals.Count == 0)
        {
            return new GateResult(GateResult.SoakContext, "Soak", true, "nothing to soak", details);
        }

        var start = arrivals.Max(a => a.Revision!.CommittedAt);
        var ready = start + minimum;
        var soaked = now - start;
        return now >= ready
            ? new GateResult(
                GateResult.SoakContext,
                "Soak",
                true,
                $"on {branch} for {SoakDuration.Format(soaked)} since {Stamp(start)} (minimum {SoakDuration.Format(minimum)})",
                details
            )
            : new GateResult(
                GateResult.SoakContext,
                "Soak",
                false,
                $"on {branch} for {SoakDuration.Format(soaked)} of {SoakDuration.Format(minimum)}; promotion becomes possible at {Stamp(ready)} (in {SoakDuration.Format(ready - now)})",
                details
            );
    }

    private static string Stamp(DateTimeOffset when) =>
        when.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
