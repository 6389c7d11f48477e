namespace GitOpsRunners.Smoke;

/// <summary>Reads what the smoke checks need from the live cluster. Throws <see cref="SmokeConnectionException"/> when it cannot.</summary>
public interface IClusterReader
{
    /// <summary>The API server asked, for messages (e.g. <c>https://10.0.0.1:6443</c>).</summary>
    string Server { get; }

    Task<ClusterSnapshot> ReadAsync(SmokeExpectations expected, CancellationToken ct);

    /// <summary>Recent Warning events about the objects (ids as <c>Kind/namespace/name</c> or <c>Kind/name</c>), newest first.</summary>
    Task<IReadOnlyList<ClusterEvent>> ReadWarningEventsAsync(IReadOnlyList<string> objectIds, CancellationToken ct);
}
