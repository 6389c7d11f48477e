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

        foreach (var (_, path, text) in changed)
        {
            ct.ThrowIfCancellationRequested();
            var temporary = path + ".edit~";
            await File.WriteAllBytesAsync(temporary, Utf8.GetBytes(text), ct).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }

        return changed.Select(c => c.File).ToList();
    }
}
