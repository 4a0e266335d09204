using BatonOktaAws.Core.Aws;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Sync.Syncers;

/// <summary>
/// Checks assigned roles against the app's AWS role list, when Okta let us read it: a role the account does not
/// have cannot be signed in with (or a future role of that name inherits the access). Reported as a warning.
/// </summary>
internal sealed class RoleListCheck
{
    private readonly AwsAppContext _app;
    private readonly HashSet<SamlRole>? _known;

    public RoleListCheck(AwsAppContext app)
    {
        _app = app;
        _known = app.RoleList is { } roles ? [.. roles] : null;
    }

    /// <summary>True when the role is in the list, or the list is unknown.</summary>
    public bool IsKnown(SamlRole role) => _known is null || _known.Contains(role);

    public void Check(SyncBatch batch, SamlRole role, string where, string subjectType, string subjectId)
    {
        if (!IsKnown(role))
        {
            batch.AddWarning(new WarningRecord(
                "role-not-in-role-list",
                $"{Capitalized(where)} is given role {role} in {_app.Describe()}, but the account's AWS role list does not have it (sign-in with it fails).",
                _app.AppId,
                subjectType,
                subjectId));
        }
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
