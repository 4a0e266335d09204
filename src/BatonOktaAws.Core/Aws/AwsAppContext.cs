using BatonOktaAws.Core.Okta.Models;

namespace BatonOktaAws.Core.Aws;

/// <summary>The AWS app as read from Okta: its settings, the samlRoles union flag and the role list (when readable).</summary>
public sealed record AwsAppContext(
    OktaApplication App,
    AwsAppSettings Settings,
    bool SamlRolesUnion,
    IReadOnlyList<SamlRole>? RoleList,
    IReadOnlyList<AwsAppWarning> Warnings)
{
    public string AppId => App.Id!;
}

/// <summary>Something odd but survivable about the app; kept in the sync file.</summary>
public sealed record AwsAppWarning(string Code, string Message);
