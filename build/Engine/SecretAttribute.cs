namespace GitOpsRunners.Engine;

/// <summary>
/// A <see cref="ParameterAttribute">parameter</see> read only from its environment variable, never printed,
/// and masked in GitHub Actions logs.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
