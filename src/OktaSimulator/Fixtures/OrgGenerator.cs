using System.Text.Json.Nodes;
using OktaSimulator.Model;

namespace OktaSimulator.Fixtures;

/// <summary>
/// Generates an org from a seed and an <see cref="OrgShape"/>. The same seed and shape always give the same
/// org. Every group-scoped app user is in at least one assigned group, and no one else is, so the app has
/// exactly <see cref="OrgShape.AppUsers"/> users (with several AWS apps: the apps together have them).
/// Several apps, other apps and admin roles are drawn from a second random sequence, after everything a
/// one-app org has, so a one-app shape gives the org it always gave.
/// </summary>
public static class OrgGenerator
{
    public const string AwsAppId = "0oagenaws00000000001";
    public const string GroupFilter = @"aws_(?{{accountid}}\d+)_(?{{role}}[a-zA-Z0-9+=,.@\-_]+)";

    private const string IdAlphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static readonly string[] FirstNames = ["Ada", "Ben", "Chen", "Dina", "Emil", "Fatima", "Goran", "Hana", "Ivan", "Jun", "Kemal", "Lea", "Mateo", "Nia", "Omar", "Priya"];
    private static readonly string[] LastNames = ["Abe", "Banda", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Horvat", "Ito", "Jensen", "Khan", "Lopez", "Mensah", "Novak", "Olsen", "Petrov"];

    public static OrgState Generate(OrgShape shape, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        Validate(shape);
        var rng = new Random(shape.Seed);
        var created = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var state = new OrgState(new SimOrg { CompanyName = "Generated Org", Subdomain = "generated" }, timeProvider);
        var usedIds = new HashSet<string>(StringComparer.Ordinal);

        var users = new SimUser[shape.Users];
        for (var i = 0; i < shape.Users; i++)
        {
            var first = FirstNames[rng.Next(FirstNames.Length)];
            var last = LastNames[rng.Next(LastNames.Length)];
            var login = $"user{i:D6}@generated.example";
            users[i] = new SimUser
            {
                Id = NewId("00u", rng, usedIds),
                Login = login,
                Email = login,
                SecondEmail = i % 10 == 0 ? $"user{i:D6}.alt@mail.example" : null,
                FirstName = first,
                LastName = last,
                Status = PickStatus(rng),
                Created = created,
                LastUpdated = created,
            };
            state.AddUser(users[i]);
        }

        // The app users are a random subset; the first DirectAppUsers of them are assigned directly.
        var order = Enumerable.Range(0, shape.Users).ToArray();
        rng.Shuffle(order);
        var appUsers = order.Take(shape.AppUsers).Select(i => users[i].Id).ToArray();
        var direct = appUsers.Take(shape.DirectAppUsers).ToArray();
        var groupScoped = appUsers.Skip(shape.DirectAppUsers).ToArray();

        var groups = new SimGroup[shape.Groups];
        for (var g = 0; g < shape.Groups; g++)
        {
            var fromDirectory = EstateBuilder.IsDirectoryGroup(shape, g);
            groups[g] = new SimGroup
            {
                Id = NewId("00g", rng, usedIds),
                Name = GroupName(shape, g, rng),
                Description = g < shape.AssignedGroups ? "Assigned to the AWS app" : "Department group",
                Type = fromDirectory ? GroupType.AppGroup : GroupType.OktaGroup,
                SourceAppId = fromDirectory ? EstateBuilder.DirectoryAppId : null,
                Created = created,
                LastUpdated = created,
                LastMembershipUpdated = created,
            };
        }

        // Large assigned groups draw from all app users (so some direct users are in groups too).
        for (var g = 0; g < shape.LargeGroups; g++)
        {
            foreach (var index in SampleIndexes(rng, appUsers.Length, shape.LargeGroupSize))
            {
                groups[g].Members.Add(appUsers[index]);
            }
        }

        // Every group-scoped user lands in a small assigned group; one in ten in a second one.
        var smallAssigned = shape.AssignedGroups - shape.LargeGroups;
        for (var i = 0; i < groupScoped.Length; i++)
        {
            var target = smallAssigned > 0 ? shape.LargeGroups + (i % smallAssigned) : rng.Next(shape.LargeGroups);
            groups[target].Members.Add(groupScoped[i]);
            if (smallAssigned > 1 && i % 10 == 0)
            {
                groups[shape.LargeGroups + ((i + 1 + rng.Next(smallAssigned - 1)) % smallAssigned)].Members.Add(groupScoped[i]);
            }
        }

        // A few direct users are also in a small assigned group (a direct assignment wins).
        for (var i = 0; i < direct.Length && smallAssigned > 0; i += 5)
        {
            groups[shape.LargeGroups + rng.Next(smallAssigned)].Members.Add(direct[i]);
        }

        for (var g = shape.AssignedGroups; g < shape.Groups; g++)
        {
            foreach (var index in SampleIndexes(rng, users.Length, Math.Min(shape.UnassignedGroupSize, users.Length)))
            {
                groups[g].Members.Add(users[index].Id);
            }
        }

        foreach (var group in groups)
        {
            state.AddGroup(group);
        }

        var estate = new EstateBuilder(shape, state, new Random(unchecked((shape.Seed * 7919) + 17)), usedIds, created);
        if (shape.AwsApps == 1)
        {
            state.AddApp(BuildApp(shape, rng, groups, direct, created));
        }
        else
        {
            estate.AddAwsApps(groups, appUsers, direct);
        }

        estate.AddOtherApps(groups);
        estate.AddAdminRoles(groups, appUsers);
        return state;
    }

    private static SimApp BuildApp(OrgShape shape, Random rng, SimGroup[] groups, string[] direct, DateTimeOffset created)
    {
        var app = NewAwsApp(shape, AwsAppId, "Amazon Web Services", shape.AccountId, shape.Mode == AwsAppMode.GroupMapping, created);
        var useSamlRoles = shape.Mode == AwsAppMode.SingleAccount;
        for (var g = 0; g < shape.AssignedGroups; g++)
        {
            app.GroupAssignments[groups[g].Id] = new SimAppGroupAssignment
            {
                GroupId = groups[g].Id,
                Priority = g,
                Profile = useSamlRoles ? SamlRoles.Profile(PickRoles(shape, rng)) : [],
                LastUpdated = created,
            };
        }

        foreach (var userId in direct)
        {
            app.DirectAssignments[userId] = new SimAppUserAssignment
            {
                UserId = userId,
                Profile = useSamlRoles ? SamlRoles.Profile(PickRoles(shape, rng)) : [],
                Created = created,
                LastUpdated = created,
            };
        }

        return app;
    }

    /// <summary>An AWS app with generated settings (fake AWS API credentials included) and no assignments yet.</summary>
    internal static SimApp NewAwsApp(OrgShape shape, string appId, string label, string accountId, bool groupMapping, DateTimeOffset created)
    {
        var settings = new JsonObject
        {
            ["awsEnvironmentType"] = "aws.amazon",
            ["identityProviderArn"] = groupMapping ? null : $"arn:aws:iam::{accountId}:saml-provider/Okta",
            ["joinAllRoles"] = shape.JoinAllRoles,
            ["useGroupMapping"] = groupMapping,
            ["groupFilter"] = groupMapping ? GroupFilter : null,
            ["roleValuePattern"] = "arn:aws:iam::${accountid}:saml-provider/OKTA,arn:aws:iam::${accountid}:role/${role}",
            ["sessionDuration"] = 3600,
        };
        var credentials = FakeAwsApiCredentials.For(appId);
        settings["accessKey"] = credentials.AccessKey;
        settings["secretKey"] = credentials.SecretKey;
        settings["secretKeyEnc"] = credentials.SecretKeyEnc;
        return new SimApp
        {
            Id = appId,
            Label = label,
            Created = created,
            LastUpdated = created,
            SettingsApp = settings,
            SamlRolesUnion = shape.SamlRolesUnion,
            RoleList = new AwsRoleList { SamlIamRoles = [.. shape.Roles] },
        };
    }

    /// <summary>In group-mapping mode assigned groups and every fifth other group are named to match the filter.</summary>
    private static string GroupName(OrgShape shape, int index, Random rng)
    {
        var mapped = shape.Mode == AwsAppMode.GroupMapping && (index < shape.AssignedGroups || index % 5 == 0);
        if (mapped)
        {
            var account = shape.MappedAccountIds[rng.Next(shape.MappedAccountIds.Count)];
            var role = shape.Roles[rng.Next(shape.Roles.Count)];
            return $"aws_{account}_{role}-{index:D4}";
        }

        return index < shape.AssignedGroups ? $"aws-team-{index:D4}" : $"dept-{index:D4}";
    }

    internal static List<string> PickRoles(OrgShape shape, Random rng)
    {
        var count = 1 + rng.Next(2);
        var roles = new List<string>(count);
        while (roles.Count < count)
        {
            var role = shape.Roles[rng.Next(shape.Roles.Count)];
            if (!roles.Contains(role))
            {
                roles.Add(role);
            }
        }

        return roles;
    }

    private static string PickStatus(Random rng) => rng.Next(100) switch
    {
        < 3 => UserStatus.Suspended,
        < 5 => UserStatus.Deprovisioned,
        < 6 => UserStatus.Staged,
        < 7 => UserStatus.LockedOut,
        _ => UserStatus.Active,
    };

    internal static HashSet<int> SampleIndexes(Random rng, int population, int count)
    {
        var chosen = new HashSet<int>();
        while (chosen.Count < count)
        {
            chosen.Add(rng.Next(population));
        }

        return chosen;
    }

    internal static string NewId(string prefix, Random rng, HashSet<string> used)
    {
        Span<char> chars = stackalloc char[20];
        prefix.AsSpan().CopyTo(chars);
        while (true)
        {
            for (var i = prefix.Length; i < chars.Length; i++)
            {
                chars[i] = IdAlphabet[rng.Next(IdAlphabet.Length)];
            }

            var id = new string(chars);
            if (used.Add(id))
            {
                return id;
            }
        }
    }

    private static void Validate(OrgShape shape)
    {
        if (shape.Users < 1 || shape.AppUsers > shape.Users || shape.DirectAppUsers > shape.AppUsers)
        {
            throw new ArgumentException("Need 1 <= users, app users <= users and direct app users <= app users.", nameof(shape));
        }

        if (shape.AssignedGroups > shape.Groups || shape.LargeGroups > shape.AssignedGroups || shape.AssignedGroups < 1)
        {
            throw new ArgumentException("Need 1 <= assigned groups <= groups and large groups <= assigned groups.", nameof(shape));
        }

        if (shape.LargeGroupSize > shape.AppUsers)
        {
            throw new ArgumentException("A large group can't be larger than the app's user count.", nameof(shape));
        }

        if (shape.AwsApps < 1 || shape.NonAwsApps < 0 || shape.AdminRoleHolders < 0 || shape.AdminRoleHolders > shape.AppUsers)
        {
            throw new ArgumentException("Need 1 <= AWS apps, 0 <= other apps and 0 <= admin role holders <= app users.", nameof(shape));
        }
    }
}
