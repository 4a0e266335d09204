namespace BatonOktaAws.Core.Provisioning;

/// <summary>The AWS app a change was made in (or planned for), named for results, JSON output and the audit trail.</summary>
public sealed record AppRef(string Id, string Label)
{
    public override string ToString() => $"'{Okta.OktaId.Printable(Label)}' ({Id})";
}
