namespace BatonOktaAws.Core.Iam.Policies;

/// <summary>
/// A <c>Principal</c> (or <c>NotPrincipal</c>) element: <c>"*"</c>, or principals by type — <c>AWS</c>,
/// <c>Federated</c>, <c>Service</c>, <c>CanonicalUser</c> — each a string or a list.
/// </summary>
public sealed record PolicyPrincipal
{
    /// <summary><c>"Principal": "*"</c> or <c>{"AWS": "*"}</c>: everyone.</summary>
    public bool IsEveryone { get; init; }

    public IReadOnlyList<string> Aws { get; init; } = [];
    public IReadOnlyList<string> Federated { get; init; } = [];
    public IReadOnlyList<string> Service { get; init; } = [];
    public IReadOnlyList<string> CanonicalUser { get; init; } = [];

    /// <summary>Whether this element names the federated principal (a SAML provider ARN) or everyone.</summary>
    public bool Covers(string federatedPrincipal) =>
        IsEveryone || Federated.Any(f => f == "*" || string.Equals(f, federatedPrincipal, StringComparison.OrdinalIgnoreCase));
}
