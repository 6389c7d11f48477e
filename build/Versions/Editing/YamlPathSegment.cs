namespace GitOpsRunners.Versions.Editing;

/// <summary>One step of a <see cref="YamlPath"/>: a mapping key, or an index into a sequence when <see cref="Key"/> is null.</summary>
public readonly record struct YamlPathSegment(string? Key, int Index)
{
    public static YamlPathSegment Of(string key) => new(key, -1);

    public static YamlPathSegment At(int index) => new(null, index);

    public bool IsIndex => Key is null;
}
