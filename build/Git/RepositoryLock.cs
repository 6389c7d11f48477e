using System.Globalization;
using GitOpsRunners.Engine;

namespace GitOpsRunners.Git;

/// <summary>
/// One Bump or Promote at a time per clone: an exclusive lock on <c>.git/gitops-runners.lock</c> (an OS file
/// lock, released when the process ends, even when it is killed). A second run waits up to a short time, then
/// refuses with one line that says who holds the lock.
/// </summary>
public sealed class RepositoryLock : IDisposable
{
    public const string FileName = "gitops-runners.lock";

    /// <summary>How long a second run waits for the first by default.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly FileStream _file;

    private RepositoryLock(FileStream file) => _file = file;

    /// <summary>Takes the lock of the clone whose git folder is <paramref name="gitDirectory"/>, waiting up to <paramref name="wait"/>.</summary>
    /// <exception cref="BuildException">Another run holds it longer than <paramref name="wait"/>.</exception>
    public static async Task<RepositoryLock> AcquireAsync(
        string gitDirectory,
        string doing,
        TimeSpan wait,
        CancellationToken ct
    )
    {
        var path = Path.Combine(gitDirectory, FileName);
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            try
            {
                var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                var holder = string.Create(
                    CultureInfo.InvariantCulture,
                    $"{doing} (process {Environment.ProcessId}, since {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss} UTC)"
                );
                await File.WriteAllTextAsync(path + ".holder", holder, ct).ConfigureAwait(false);
                return new RepositoryLock(file);
            }
            catch (IOException) when (TimeProvider.System.GetElapsedTime(started) < wait)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct).ConfigureAwait(false);
            }
            catch (IOException)
            {
                throw new BuildException(
                    $"Another Bump or Promote is running on this clone ({Holder(path)}); {doing} waited {DurationFormat.Format(wait)} and stopped without changing anything. Run it again when the other run has finished.",
                    ExitCodes.TargetFailed
                );
            }
            catch (UnauthorizedAccessException e)
            {
                throw new BuildException(
                    $"Cannot create the lock {path}: {e.Message}; {doing} needs a writable clone (check the folder's permissions).",
                    ExitCodes.TargetFailed,
                    e
                );
            }
        }
    }

    public void Dispose() => _file.Dispose();

    private static string Holder(string path)
    {
        try
        {
            var holder = File.Exists(path + ".holder") ? File.ReadAllText(path + ".holder").Trim() : "";
            return holder.Length > 0 ? $"held by {holder}" : $"{path} is locked";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{path} is locked";
        }
    }
}
