using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Sync.Syncers;

/// <summary>
/// The roles an assignment profile hands out, as the access rules read them. A value IAM cannot accept as a role
/// name can never be assumed: it is left out, with a warning naming who holds it.
/// </summary>
internal static class AssignmentProfile
{
    public static AssignmentRoles Roles(SyncBatch batch, AwsAppContext app, AwsAppProfile? profile, string where, string subjectType, string subjectId) =>
        Roles(batch, app, profile?.SamlRoles ?? [], profile?.Role, where, subjectType, subjectId);

    public static AssignmentRoles Roles(SyncBatch batch, AwsAppContext app, IReadOnlyList<string> samlRoles, string? role, string where, string subjectType, string subjectId) =>
        AssignmentRoles.FromProfile(
            samlRoles,
            role,
            (name, isDefault) => Unusable(batch, app, name, $"{(isDefault ? "default role" : "samlRole")} of {where}", subjectType, subjectId));

    private static void Unusable(SyncBatch batch, AwsAppContext app, string name, string what, string subjectType, string subjectId) =>
        batch.AddWarning(new WarningRecord(
            "unusable-role",
            $"The {what} in {app.Describe()} is '{OktaId.Printable(name)}', which IAM does not accept as a role name (1 to {SamlRole.MaxLength} letters, digits and +=,.@_-); it can never be assumed and was left out.",
            app.AppId,
            subjectType,
            subjectId));
}
