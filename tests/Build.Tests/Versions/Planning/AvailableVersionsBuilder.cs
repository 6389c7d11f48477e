using GitOpsRunners.Versions.Planning;

namespace GitOpsRunners.Tests.Versions.Planning;

internal sealed class AvailableVersionsBuilder(string[] tags)
{
    private readonly Dictionary<string, string> _digests = [];
    private readonly Dictionary<string, string> _notes = [];

    public AvailableVersionsBuilder Digest(string tag, string digest)
    {
        _digests[tag] = digest;
        return this;
    }

    public AvailableVersionsBuilder Notes(string tag, string url)
    {
        _notes[tag] = url;
        return this;
    }

    public AvailableVersions Build() => new(tags, _digests, _notes);

    public static implicit operator AvailableVersions(AvailableVersionsBuilder builder) => builder.Build();
}
