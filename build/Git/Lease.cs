namespace GitOpsRunners.Git;

/// <summary>
/// What a push expects the remote branch to hold (force-with-lease): a sha, nothing (<see cref="Absent"/>), or,
/// with <see cref="FromFirstLook"/>, whatever the push itself saw when it started.
/// </summary>
public sealed record Lease(string? Sha, bool IsFromFirstLook = false)
{
    public static Lease FromFirstLook { get; } = new(null, IsFromFirstLook: true);

    public static Lease Absent { get; } = new((string?)null);

    public static Lease At(string? sha) => new(sha);
}
