using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Review;

/// <summary>
/// One sync read into memory for review work (findings, diffs, reports): the access rows and everything that
/// explains them, indexed the way the rules ask. Built from the sync file alone — no Okta calls — so it works on
/// any sync the file still holds.
/// </summary>
public sealed class ReviewSnapshot
{
    private ReviewSnapshot(SyncView view)
    {
        Run = view.Run;
        Apps = view.Apps().ToDictionary(a => a.AppId, StringComparer.Ordinal);
        RoleLists = view.RoleLists();
        Users = view.Users().ToDictionary(u => u.Id, StringComparer.Ordinal);
        Groups = view.Groups().ToDictionary(g => g.Id, StringComparer.Ordinal);
        Access = view.Access(new AccessFilter());
        AppUsers = view.AppUsers();
        AppGroups = view.AppGroups();
        MappedGroups = view.MappedGroups();
        Warnings = view.Warnings();
        IamExports = view.IamExports();
        IamRoles = view.IamRoles();
        IamUsers = view.IamUsers();
        RoleStatuses = view.RoleStatuses();
        RolesHandedOut = view.RolesHandedOut();
        AdminRoles = view.AdminRoles();
        AdminRoleTargets = view.AdminRoleTargets();
        CustomRoles = view.CustomRoles();
        ResourceSets = view.ResourceSets();
        ResourceSetResources = view.ResourceSetResources();
        ResourceSetBindings = view.ResourceSetBindings();
        GroupRoleGrants = view.GroupRoleGrants();
        MembersByGroup = view.Memberships()
            .GroupBy(m => m.GroupId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(m => m.UserId).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public SyncRunSummary Run { get; }
    public IReadOnlyDictionary<string, AwsAppRecord> Apps { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> RoleLists { get; }
    public IReadOnlyDictionary<string, UserRecord> Users { get; }
    public IReadOnlyDictionary<string, GroupRecord> Groups { get; }
    public IReadOnlyList<AccessRow> Access { get; }
    public IReadOnlyList<AppUserRecord> AppUsers { get; }
    public IReadOnlyList<AppGroupRecord> AppGroups { get; }
    public IReadOnlyList<MappedGroupRecord> MappedGroups { get; }
    public IReadOnlyList<WarningRecord> Warnings { get; }

    /// <summary>The IAM exports attached to the sync (empty when none were: the AWS side is then not reviewed).</summary>
    public IReadOnlyList<IamExportRecord> IamExports { get; }

    public IReadOnlyList<IamRoleRecord> IamRoles { get; }
    public IReadOnlyList<IamUserRecord> IamUsers { get; }
    public IReadOnlyList<RoleStatusRecord> RoleStatuses { get; }

    /// <summary>Each (app, account, role) the apps hand out to anyone, user or group.</summary>
    public IReadOnlyList<(string AppId, string AccountId, string Role)> RolesHandedOut { get; }

    /// <summary>Okta admin role assignments the sync read (users' and groups'), with their targets.</summary>
    public IReadOnlyList<AdminRoleAssignmentRecord> AdminRoles { get; }

    public IReadOnlyList<AdminRoleTargetRecord> AdminRoleTargets { get; }
    public IReadOnlyList<CustomRoleRecord> CustomRoles { get; }
    public IReadOnlyList<ResourceSetRecord> ResourceSets { get; }
    public IReadOnlyList<ResourceSetResourceRecord> ResourceSetResources { get; }
    public IReadOnlyList<ResourceSetBindingRecord> ResourceSetBindings { get; }

    /// <summary>The groups that grant an AWS role through an app (who adds a member to one gives that role).</summary>
    public IReadOnlyList<GroupRoleGrantRecord> GroupRoleGrants { get; }

    /// <summary>The members the sync read, per group (only groups that matter for AWS access were read).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> MembersByGroup { get; }

    public static ReviewSnapshot Load(SyncView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new ReviewSnapshot(view);
    }

    public string AppLabel(string appId) => Apps.TryGetValue(appId, out var app) && app.Label is { } label ? label : appId;

    public string? Login(string userId) => Users.TryGetValue(userId, out var user) ? user.Login : null;

    public string GroupName(string groupId) => Groups.TryGetValue(groupId, out var group) ? group.Name : groupId;

    public IReadOnlySet<string> Members(string groupId) => MembersByGroup.TryGetValue(groupId, out var members) ? members : new HashSet<string>();
}
