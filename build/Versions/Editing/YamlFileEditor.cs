using System.Text;

namespace GitOpsRunners.Versions.Editing;

/// <summary>
/// Applies <see cref="YamlFileEdit"/>s to files under a root folder, all or nothing: every file is read
/// and every edit computed and checked before the first byte is written. Bytes are decoded as UTF-8
/// with the byte order mark kept as a character, so an unchanged file round-trips exactly.
/// </summary>
public sealed class YamlFileEditor(string root)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <returns>The repository-relative files whose content changed.</returns>
    /// <exception cref="YamlEditException">Any file is missing or any edit is refused; nothing was written.</exception>
    public async Task<IReadOnlyList<string>> ApplyAsync(IReadOnlyList<YamlFileEdit> edits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edits);
        var problems = new List<string>();
        var changed = new List<(string File, string Path, string Text)>();
        foreach (var group in edits.GroupBy(e => e.File, StringComparer.Ordinal))
        {
            var path = Path.Combine(root, group.Key);
            if (File.Exists(path) && new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                // A symbolic link stays a link: the file it points at is what changes.
                var top = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
                if (!target.FullName.StartsWith(top, StringComparison.Ordinal))
                {
                    problems.Add(
                        $"{group.Key}:1: the file is a symbolic link to {target.FullName}, outside {root}; edit that file itself"
                    );
                    continue;
                }

                path = target.FullName;
            }

            if (!File.Exists(path))
            {
                problems.Add(
                    $"{group.Key}:1: the file does not exist under {root}; run from the repository root or re-plan"
                );
                continue;
            }

            var text = Utf8.GetString(await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false));
            try
            {
                var edited = YamlScalarEditor.Apply(text, group.SelectMany(e => e.Edits).ToList(), group.Key);
                if (edited != text)
                {
                    changed.Add((group.Key, path, edited));
                }
            }
            catch (YamlEditException e)
            {
                problems.AddRange(e.Problems);
            }
        }

        if (problems.Count > 0)
        {
            throw new YamlEditException(problems);
        }

        // Every new file is written beside its original first (mode kept); only when all are written do they
        // replace the originals, so a read-only checkout or a full disk leaves every file as it was.
        var written = new List<(string Temporary, string Path)>();
        try
        {
            foreach (var (file, path, text) in changed)
            {
                ct.ThrowIfCancellationRequested();
                var temporary = path + ".edit~";
                written.Add((temporary, path));
                await File.WriteAllBytesAsync(temporary, Utf8.GetBytes(text), ct).ConfigureAwait(false);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
                }
            }
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            foreach (var (temporary, _) in written.Where(w => File.Exists(w.Temporary)))
            {
                File.Delete(temporary);
            }

            var file = changed[written.Count - 1].File;
            throw new YamlEditException([
                $"{file}:1: cannot write the edited file ({e.Message.TrimEnd('.')}); nothing was changed. Run from a writable checkout.",
            ]);
        }

        foreach (var (temporary, path) in written)
        {
            File.Move(temporary, path, overwrite: true);
        }

        return changed.Select(c => c.File).ToList();
    }
}
