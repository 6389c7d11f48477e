namespace GitOpsRunners.Smoke;

/// <summary>Reads what the smoke checks need from the live cluster. Throws <see cref="SmokeConnectionException"/> when it cannot.</summary>
public interface IClusterReader
{
    Task<ClusterSnapshot> ReadAsync(SmokeExpectations expected, CancellationToken ct);

    /// <summary>Recent Warning events about the objects (ids as <c>Kind/namespace/name</c> or <c>Kind/name</c>), newest first.</summary>
    Task<IReadOnlyList<ClusterEvent>> ReadWarningEventsAsync(IReadOnlyList<string> objectIds, CancellationToken ct);
}
