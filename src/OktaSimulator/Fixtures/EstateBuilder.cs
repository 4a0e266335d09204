using System.Globalization;
using System.Text.Json.Nodes;
using OktaSimulator.Model;

namespace OktaSimulator.Fixtures;

/// <summary>
/// The parts of a generated org beyond one AWS app: several AWS apps sharing the org's app users, apps of other
/// kinds, and admin role holders. Everything here draws from its own random sequence, after the one-app org is
/// built, so adding it never changes the users, groups and memberships the presets have always had.
/// </summary>
internal sealed class EstateBuilder(OrgShape shape, OrgState state, Random rng, HashSet<string> usedIds, DateTimeOffset created)
{
    public const string DirectoryAppId = "0oagenapp00000000001";
    public const string CustomRoleId = "cr0genawsassign00001";
    public const string ResourceSetId = "iamgenawsapps0000001";

    /// <summary>Other apps, in order; the first is the directory that some groups are imported from.</summary>
    private static readonly (string Name, string Label, string SignOnMode)[] OtherApps =
    [
        ("active_directory", "corp.generated.example", "BOOKMARK"),
        ("bookmark", "Intranet", "BOOKMARK"),
        ("office365", "Microsoft Office 365", "WS_FEDERATION"),
        ("slack", "Slack", "SAML_2_0"),
        ("zoomus", "Zoom", "SAML_2_0"),
    ];

    /// <summary>The i-th AWS app's id; the first keeps the id one-app orgs have always used.</summary>
    public static string AwsAppIdFor(int index) =>
        index == 0 ? OrgGenerator.AwsAppId : "0oagenaws" + (index + 1).ToString("D11", CultureInfo.InvariantCulture);

    public static string OtherAppIdFor(int index) => "0oagenapp" + (index + 1).ToString("D11", CultureInfo.InvariantCulture);

    /// <summary>
    /// With a directory app, every fourth department group and every sixth small assigned group are imported from
    /// it (APP_GROUP), as AD groups assigned to AWS are in many orgs. Decided by index alone (no random draw).
    /// </summary>
    public static bool IsDirectoryGroup(OrgShape shape, int index)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return shape.NonAwsApps > 0
            && (index >= shape.AssignedGroups ? index % 4 == 1 : index >= shape.LargeGroups && index % 6 == 5);
    }

    /// <summary>Every fifth app maps groups to roles; the first follows the shape's mode.</summary>
    public static bool IsGroupMapping(OrgShape shape, int index) =>
        index == 0 ? shape.Mode == AwsAppMode.GroupMapping : index % 5 == 4;

    /// <summary>One AWS account per single-account app; the first is the shape's.</summary>
    public static string AccountFor(OrgShape shape, int index) =>
        index == 0 ? shape.AccountId : (200_000_000_000L + (index * 1_000_003L)).ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>
    /// Several AWS apps over the org's assigned groups and direct users: each large group goes to the first app and
    /// to every app whose index it divides into (so it is assigned to several), small groups and direct users go
    /// round-robin (every tenth small group to a second app too), and each group-mapping app beyond the first gets
    /// four groups of its own named <c>aws_{account}_{role}</c>.
    /// </summary>
    public void AddAwsApps(SimGroup[] groups, string[] appUsers, string[] direct)
    {
        var count = shape.AwsApps;
        var apps = new SimApp[count];
        for (var k = 0; k < count; k++)
        {
            var label = k == 0 ? "Amazon Web Services" : $"AWS account {AccountFor(shape, k)}";
            apps[k] = OrgGenerator.NewAwsApp(shape, AwsAppIdFor(k), label, AccountFor(shape, k), IsGroupMapping(shape, k), created);
        }

        for (var g = 0; g < shape.LargeGroups; g++)
        {
            Assign(apps[0], groups[g]);
            for (var k = 1; k < count; k++)
            {
                if (k % shape.LargeGroups == g)
                {
                    Assign(apps[k], groups[g]);
                }
            }
        }

        for (var g = shape.LargeGroups; g < shape.AssignedGroups; g++)
        {
            var slot = g - shape.LargeGroups;
            Assign(apps[slot % count], groups[g]);
            if (g % 10 == 0)
            {
                Assign(apps[(slot + 1) % count], groups[g]);
            }
        }

        for (var j = 0; j < direct.Length; j++)
        {
            var app = apps[j % count];
            app.DirectAssignments[direct[j]] = new SimAppUserAssignment
            {
                UserId = direct[j],
                Profile = Profile(app),
                Created = created,
                LastUpdated = created,
            };
        }

        for (var k = 1; k < count; k++)
        {
            if (IsGroupMapping(shape, k))
            {
                AddMappedGroups(apps[k], k, appUsers);
            }
        }

        foreach (var app in apps)
        {
            state.AddApp(app);
        }
    }

    /// <summary>The other apps; all but the directory get two groups assigned.</summary>
    public void AddOtherApps(SimGroup[] groups)
    {
        for (var k = 0; k < shape.NonAwsApps; k++)
        {
            var (name, label, signOnMode) = OtherApps[k % OtherApps.Length];
            var app = new SimApp
            {
                Id = OtherAppIdFor(k),
                Name = name,
                Label = k < OtherApps.Length ? label : $"{label} {k / OtherApps.Length + 1}",
                SignOnMode = signOnMode,
                Created = created,
                LastUpdated = created,
                SettingsApp = name == "bookmark" ? new JsonObject { ["url"] = "https://intranet.generated.example" } : [],
            };
            if (name != "active_directory")
            {
                foreach (var index in OrgGenerator.SampleIndexes(rng, groups.Length, Math.Min(2, groups.Length)).Order())
                {
                    app.GroupAssignments[groups[index].Id] = new SimAppGroupAssignment
                    {
                        GroupId = groups[index].Id,
                        Priority = app.GroupAssignments.Count,
                        Profile = [],
                        LastUpdated = created,
                    };
                }
            }

            state.AddApp(app);
        }
    }

    /// <summary>
    /// Admin role holders drawn from the app users, taking these roles in turn: super admin, org admin, read-only
    /// admin, app admin over every AWS app, app admin over one AWS app, help desk admin over an assigned group, a
    /// group holding app admin over the first AWS app, two users bound to a custom "AWS assignment manager" role
    /// over a resource set of the AWS apps and assigned groups, group admin, group membership admin over two groups.
    /// </summary>
    public void AddAdminRoles(SimGroup[] groups, string[] appUsers)
    {
        if (shape.AdminRoleHolders == 0)
        {
            return;
        }

        var roles = state.AdminRoles;
        var role = new SimCustomRole { Id = CustomRoleId, Label = "AWS assignment manager", Description = "Assigns people and groups to the AWS apps", Created = created };
        role.Permissions.AddRange(["okta.apps.read", "okta.apps.assignment.manage", "okta.groups.read", "okta.groups.members.manage"]);
        roles.AddCustomRole(role);
        var set = new SimResourceSet { Id = ResourceSetId, Label = "AWS apps", Description = "Every AWS app and the groups assigned to them", Created = created };
        set.Resources.Add(new ResourceSetResource(roles.NewId("iresim"), $"apps:{SimApp.AwsAppName}", created));
        for (var g = 0; g < Math.Min(3, shape.AssignedGroups); g++)
        {
            set.Resources.Add(new ResourceSetResource(roles.NewId("iresim"), $"groups:{groups[g].Id}", created));
        }

        roles.AddResourceSet(set);
        var smallAssigned = shape.AssignedGroups > shape.LargeGroups ? groups[shape.LargeGroups] : groups[0];
        var holders = OrgGenerator.SampleIndexes(rng, appUsers.Length, shape.AdminRoleHolders).Order().Select(i => appUsers[i]).ToList();
        for (var i = 0; i < holders.Count; i++)
        {
            var user = RoleAssignee.ForUser(holders[i]);
            switch (i % 11)
            {
                case 0: Standard(user, AdminRoleType.SuperAdmin); break;
                case 1: Standard(user, AdminRoleType.OrgAdmin); break;
                case 2: Standard(user, AdminRoleType.ReadOnlyAdmin); break;
                case 3: Standard(user, AdminRoleType.AppAdmin).AppTargets.Add(new AppTarget(SimApp.AwsAppName, null)); break;
                case 4: Standard(user, AdminRoleType.AppAdmin).AppTargets.Add(new AppTarget(SimApp.AwsAppName, AwsAppIdFor(shape.AwsApps - 1))); break;
                case 5: Standard(user, AdminRoleType.HelpDeskAdmin).GroupTargets.Add(smallAssigned.Id); break;
                case 6: Standard(RoleAssignee.ForGroup(smallAssigned.Id), AdminRoleType.AppAdmin).AppTargets.Add(new AppTarget(SimApp.AwsAppName, OrgGenerator.AwsAppId)); break;
                case 7 or 8: roles.Bind(set, role, user, created); break;
                case 9: Standard(user, AdminRoleType.UserAdmin); break;
                default:
                    var target = Standard(user, AdminRoleType.GroupMembershipAdmin);
                    target.GroupTargets.AddRange(groups.Take(2).Select(g => g.Id));
                    break;
            }
        }
    }

    private SimRoleAssignment Standard(RoleAssignee assignee, string type)
    {
        var assignment = new SimRoleAssignment { Id = state.AdminRoles.NewId("rasim"), Type = type, Assignee = assignee, Created = created };
        state.AdminRoles.AddStandard(assignment);
        return assignment;
    }

    private void Assign(SimApp app, SimGroup group) =>
        app.GroupAssignments[group.Id] = new SimAppGroupAssignment
        {
            GroupId = group.Id,
            Priority = app.GroupAssignments.Count,
            Profile = Profile(app),
            LastUpdated = created,
        };

    /// <summary>Single-account apps carry samlRoles on each assignment; group-mapping apps take roles from group names.</summary>
    private JsonObject Profile(SimApp app) =>
        app.SettingsApp?["useGroupMapping"]?.GetValue<bool>() == true ? [] : SamlRoles.Profile(OrgGenerator.PickRoles(shape, rng));

    private void AddMappedGroups(SimApp app, int index, string[] appUsers)
    {
        var size = Math.Max(1, Math.Min(200, appUsers.Length / 10));
        for (var m = 0; m < 4; m++)
        {
            var role = shape.Roles[rng.Next(shape.Roles.Count)];
            var group = new SimGroup
            {
                Id = OrgGenerator.NewId("00g", rng, usedIds),
                Name = $"aws_{AccountFor(shape, index)}_{role}-gm{index:D2}{m}",
                Description = "Maps to an AWS role",
                Created = created,
                LastUpdated = created,
                LastMembershipUpdated = created,
            };
            foreach (var i in OrgGenerator.SampleIndexes(rng, appUsers.Length, size))
            {
                group.Members.Add(appUsers[i]);
            }

            state.AddGroup(group);
            Assign(app, group);
        }
    }
}
