using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Aws;

/// <summary>
/// One AWS app as read from Okta: its settings (credentials already removed from <see cref="SettingsJson"/>),
/// the samlRoles union flag, the role list (when readable) and what was odd about it.
/// </summary>
public sealed record AwsAppContext(
    OktaApplication App,
    AwsAppSettings Settings,
    bool SamlRolesUnion,
    IReadOnlyList<SamlRole>? RoleList,
    IReadOnlyList<WarningRecord> Warnings,
    string SettingsJson)
{
    public string AppId => App.Id!;

    /// <summary>The app's label, or its id when it has none: how messages name the app.</summary>
    public string Label => string.IsNullOrWhiteSpace(App.Label) ? AppId : App.Label;

    /// <summary>"'AWS (prod)' (0oa…)": the app as messages name it.</summary>
    public string Describe() => $"'{Okta.OktaId.Printable(Label)}' ({AppId})";

    public bool IsActive => string.Equals(App.Status, "ACTIVE", StringComparison.OrdinalIgnoreCase);
}
