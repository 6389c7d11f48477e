using GitOpsRunners.Versions.Pins;

namespace GitOpsRunners.Versions.Lookup;

/// <summary>A look-up that failed after its retries; <see cref="Message"/> names the registry and what to do.</summary>
public sealed record LookupFailure(PinKey Key, string Message)
{
    public override string ToString() => Message;
}
