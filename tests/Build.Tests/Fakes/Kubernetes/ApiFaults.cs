using System.Collections.Concurrent;

namespace GitOpsRunners.Tests.Fakes.Kubernetes;

/// <summary>Switchable authentication and authorization failures of the fake API server.</summary>
public sealed class ApiFaults
{
    private readonly ConcurrentDictionary<(string Verb, string Plural), bool> _forbidden = new();

    /// <summary>Every request is answered 401 Unauthorized, as with an expired token.</summary>
    public bool Unauthorized { get; set; }

    /// <summary>Every request is accepted and never answered, as behind a black-holing proxy.</summary>
    public bool NeverAnswer { get; set; }

    /// <summary>Every request is answered 200 with a body that is not JSON, as by a login page.</summary>
    public bool AnswerGarbage { get; set; }

    /// <summary>The user the 403 messages name.</summary>
    public string User { get; set; } = "system:serviceaccount:ci:smoke";

    /// <summary>Refuse <paramref name="verb"/> (<c>get</c>, <c>list</c>) on a resource (<c>secrets</c>, <c>kustomizations</c>).</summary>
    public void Forbid(string verb, string plural) => _forbidden[(verb, plural)] = true;

    public void Allow(string verb, string plural) => _forbidden.TryRemove((verb, plural), out _);

    public bool IsForbidden(string verb, string plural) => _forbidden.ContainsKey((verb, plural));
}
