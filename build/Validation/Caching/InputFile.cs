namespace GitOpsRunners.Validation.Caching;

/// <summary>One file a Validate run may read: its path, what <c>stat</c> says of it, and a SHA-256 of its bytes.</summary>
/// <param name="Path">Relative to the repository root ('/'-separated), or absolute for a file outside it.</param>
/// <param name="Sha256">Lower-case hex; null for a file that was looked for and did not exist.</param>
public sealed record InputFile(string Path, long Length, long ModifiedTicks, string? Sha256);
