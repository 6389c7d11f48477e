using GitOpsRunners.Diagnostics;
using GitOpsRunners.Manifests;

namespace GitOpsRunners.Versions.Pins;

/// <summary>
/// One version Flux reads in one cluster. <see cref="SetAt"/> is the line that sets it: the post-build
/// variable's line in the overlay ConfigMap when the value comes from <c>${VAR}</c> (<see cref="Variable"/>),
/// else the object's own field. <see cref="Group"/> is <c>arc</c> for the two ARC charts, which move together.
/// <see cref="Site"/> holds the version (and the digest, written <c>tag@digest</c>, when <see cref="DigestInSite"/>);
/// <see cref="DigestSite"/> holds a digest kept in its own field. Sites are null when the source could not be traced. <see cref="Field"/> names the object field, e.g. <c>OCIRepository/gha-runner-scale-set#spec.ref.tag</c>.
/// </summary>
public sealed record VersionPin(
    string Cluster,
    string Component,
    PinKind Kind,
    string Source,
    string CurrentVersion,
    string? CurrentDigest,
    SourceLocation SetAt,
    string? Variable = null,
    string? Group = null
)
{
    public const string ArcGroup = "arc";

    public string Field { get; init; } = "";

    public PinSite? Site { get; init; }

    public PinSite? DigestSite { get; init; }

    /// <summary>Whether <see cref="Site"/> holds <c>tag@digest</c> (true) or the version alone.</summary>
    public bool DigestInSite { get; init; }

    public PinKey Key => new(Kind, Source, Component);

    /// <summary>What this pin is in every cluster: component, kind and the variable or field that sets it.</summary>
    public PinIdentity Identity => new(Component, Kind, Variable ?? Field);

    /// <summary><see cref="Group"/>, or the component for pins outside a group.</summary>
    public string GroupName => Group ?? Component;

    /// <summary>The text at <see cref="Site"/> for a version and digest: <c>tag@digest</c> when both share the scalar.</summary>
    public string SiteText(string version, string? digest) =>
        DigestInSite && digest is not null ? (version.Length == 0 ? digest : $"{version}@{digest}") : version;

    public override string ToString() =>
        $"{Cluster} {Component} {CurrentVersion}{(CurrentDigest is null ? "" : "@" + CurrentDigest)} ({SetAt})";
}
