using GitOpsRunners.Diagnostics;

namespace GitOpsRunners.Rendering;

/// <summary>
/// A Secret that the cluster creates at run time rather than from Git, e.g. an ExternalSecret's target.
/// <paramref name="Keys"/> are the data keys known offline; <paramref name="KeysUnknown"/> says more may come
/// (<c>dataFrom</c>, <c>templateFrom</c>). Its values are never known offline.
/// </summary>
internal sealed record ProducedSecret(
    string Producer,
    IReadOnlyList<string> Keys,
    bool KeysUnknown,
    SourceLocation Location
);
