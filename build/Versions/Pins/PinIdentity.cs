namespace GitOpsRunners.Versions.Pins;

/// <summary>
/// What a pin is in every cluster: its component, its kind and the variable (or, for a literal value, the object
/// field) that sets it. A promotion carries a source pin to the target pin of the same identity.
/// </summary>
public sealed record PinIdentity(string Component, PinKind Kind, string Setter);
