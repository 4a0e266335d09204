using BatonOktaAws.Core.Baton;

namespace BatonOktaAws.Core.Provisioning;

/// <summary>
/// One requested change: grant an entitlement to a principal, or revoke a grant. <see cref="Line"/> is the
/// line of a change file it came from (1 for a single command-line change).
/// </summary>
public sealed record ProvisioningChange(int Line, ChangeAction Action, EntitlementId Entitlement, string PrincipalType, string Principal)
{
    private readonly IReadOnlyList<int>? _lines;
    private readonly IReadOnlyList<string>? _readWarnings;

    /// <summary>
    /// The AWS app an <c>account:</c> change names (a change file's <c>app</c> column, a review sheet's
    /// <c>app_id</c>); null to find the app that serves the account. Group memberships need no app.
    /// </summary>
    public string? AppId { get; init; }

    /// <summary>
    /// Every line this one change stands for: a review sheet's rows that carry the same grant are applied once.
    /// Ordered; the first is <see cref="Line"/>.
    /// </summary>
    public IReadOnlyList<int> Lines
    {
        get => _lines ?? [Line];
        init => _lines = value;
    }

    /// <summary>What reading the change found worth saying (e.g. rows without a decision that the same grant covers).</summary>
    public IReadOnlyList<string> ReadWarnings
    {
        get => _readWarnings ?? [];
        init => _readWarnings = value;
    }

    /// <summary>The grant this change creates or removes, in Baton's id form.</summary>
    public string GrantId => $"{Entitlement}:{PrincipalType}:{Principal}";

    public string PrincipalRef => $"{PrincipalType}:{Principal}";

    /// <summary>By value, the covered lines and warnings included (a record would compare those lists by reference).</summary>
    public bool Equals(ProvisioningChange? other) =>
        other is not null
        && Line == other.Line
        && Action == other.Action
        && Entitlement == other.Entitlement
        && PrincipalType == other.PrincipalType
        && Principal == other.Principal
        && AppId == other.AppId
        && Lines.SequenceEqual(other.Lines)
        && ReadWarnings.SequenceEqual(other.ReadWarnings);

    public override int GetHashCode() => HashCode.Combine(Line, Action, Entitlement, PrincipalType, Principal, AppId);
}
