using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OktaSimulator.Model;

namespace OktaSimulator.Fixtures;

/// <summary>
/// A hand-written org in JSON: users, groups with their members, and apps with their assignments.
/// See <c>docs/simulator.md</c> for the format; <c>Fixtures/demo-org.json</c> is an example.
/// </summary>
public sealed class OrgFixture
{
    public FixtureOrg? Org { get; set; }
    public List<FixtureUser> Users { get; set; } = [];
    public List<FixtureGroup> Groups { get; set; } = [];
    public List<FixtureApp> Apps { get; set; } = [];
    public List<FixtureCustomRole> CustomRoles { get; set; } = [];
    public List<FixtureResourceSet> ResourceSets { get; set; } = [];

    public static OrgFixture Parse(string json) =>
        JsonSerializer.Deserialize(json, OrgFixtureJsonContext.Default.OrgFixture)
        ?? throw new InvalidDataException("The fixture is empty.");

    public static OrgFixture Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>The demo org bundled with the simulator.</summary>
    public static OrgFixture Demo()
    {
        using var stream = typeof(OrgFixture).Assembly.GetManifestResourceStream("OktaSimulator.Fixtures.demo-org.json")
            ?? throw new InvalidOperationException("The bundled demo fixture is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>
    /// The demo estate's AWS side: IAM exports of its accounts (get-account-authorization-details JSON, a credential
    /// report CSV) written into <paramref name="directory"/>, as an AWS admin would hand them over. Returns the paths.
    /// </summary>
    public static IReadOnlyList<string> WriteDemoIamExports(string directory)
    {
        const string prefix = "OktaSimulator.Fixtures.iam.";
        var assembly = typeof(OrgFixture).Assembly;
        var paths = new List<string>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(directory, name[prefix.Length..]);
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var file = File.Create(path);
            stream.CopyTo(file);
            paths.Add(path);
        }

        return paths;
    }

    public string ToJson() => JsonSerializer.Serialize(this, OrgFixtureJsonContext.Default.OrgFixture);

    /// <summary>Builds the org state; member and assignment references must name users and groups in the fixture.</summary>
    public OrgState ToState(TimeProvider? timeProvider = null)
    {
        var created = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var state = new OrgState(
            Org is null ? null : new SimOrg
            {
                CompanyName = Org.CompanyName ?? "Simulated Org",
                Subdomain = Org.Subdomain ?? "simulated",
                TokenIsSuperAdmin = Org.TokenIsSuperAdmin ?? true,
            },
            timeProvider);
        foreach (var u in Users)
        {
            state.AddUser(new SimUser
            {
                Id = u.Id,
                Login = u.Login,
                Email = u.Email ?? u.Login,
                SecondEmail = u.SecondEmail,
                FirstName = u.FirstName ?? u.Login.Split('@')[0],
                LastName = u.LastName ?? "User",
                Status = u.Status ?? UserStatus.Active,
                Created = created,
                LastUpdated = created,
            });
        }

        foreach (var g in Groups)
        {
            var type = g.Type ?? (g.SourceAppId is null ? GroupType.OktaGroup : GroupType.AppGroup);
            if (g.SourceAppId is not null && type != GroupType.AppGroup)
            {
                throw new InvalidDataException($"Group '{g.Id}' names source app '{g.SourceAppId}' but is a {type}; only {GroupType.AppGroup} groups have a source app.");
            }

            var group = new SimGroup
            {
                Id = g.Id,
                Name = g.Name,
                Description = g.Description,
                Type = type,
                SourceAppId = g.SourceAppId,
                Created = created,
                LastUpdated = created,
                LastMembershipUpdated = created,
            };
            foreach (var member in g.Members)
            {
                var user = state.FindUser(member) ?? throw new InvalidDataException($"Group '{g.Id}' lists unknown member '{member}'.");
                group.Members.Add(user.Id);
            }

            state.AddGroup(group);
        }

        foreach (var a in Apps)
        {
            state.AddApp(ToApp(a, state, created));
        }

        foreach (var g in Groups)
        {
            if (g.SourceAppId is not null && !state.Apps.ContainsKey(g.SourceAppId))
            {
                throw new InvalidDataException($"Group '{g.Id}' names unknown source app '{g.SourceAppId}'.");
            }
        }

        AdminRoleLoader.Load(this, state, created);

        return state;
    }

    private static SimApp ToApp(FixtureApp a, OrgState state, DateTimeOffset created)
    {
        var status = a.Status ?? AppStatus.Active;
        if (!AppStatus.IsKnown(status))
        {
            throw new InvalidDataException($"App '{a.Id}' has status '{status}'; use {AppStatus.Active} or {AppStatus.Inactive}.");
        }

        var name = a.Name ?? SimApp.AwsAppName;
        var app = new SimApp
        {
            Id = a.Id,
            Name = name,
            Label = a.Label ?? (name == SimApp.AwsAppName ? "Amazon Web Services" : name),
            Status = status,
            SignOnMode = a.SignOnMode ?? "SAML_2_0",
            Created = created,
            LastUpdated = created,
            SettingsApp = (JsonObject?)a.SettingsApp?.DeepClone(),
            SamlRolesUnion = a.SamlRolesUnion,
            RoleList = new AwsRoleList
            {
                SamlIamRoles = a.RoleList?.SamlIamRoles ?? [],
                IamRoles = a.RoleList?.IamRoles ?? [],
                Status = a.RoleList?.Status ?? 200,
            },
        };
        foreach (var ua in a.UserAssignments)
        {
            var user = state.FindUser(ua.UserId) ?? throw new InvalidDataException($"App '{a.Id}' assigns unknown user '{ua.UserId}'.");
            var profile = AssignmentProfile(ua.Profile, ua.SamlRoles, ua.Role);

            app.DirectAssignments[user.Id] = new SimAppUserAssignment { UserId = user.Id, Profile = profile, Created = created, LastUpdated = created };
        }

        var nextPriority = 0;
        foreach (var ga in a.GroupAssignments)
        {
            if (!state.Groups.ContainsKey(ga.GroupId))
            {
                throw new InvalidDataException($"App '{a.Id}' assigns unknown group '{ga.GroupId}'.");
            }

            var profile = AssignmentProfile(ga.Profile, ga.SamlRoles, ga.Role);

            app.GroupAssignments[ga.GroupId] = new SimAppGroupAssignment
            {
                GroupId = ga.GroupId,
                Priority = ga.Priority ?? nextPriority,
                Profile = profile,
                LastUpdated = created,
            };
            nextPriority = Math.Max(nextPriority, (ga.Priority ?? nextPriority) + 1);
        }

        return app;
    }

    /// <summary>The assignment's app profile: <c>profile</c> as given, with <c>samlRoles</c> and <c>role</c> laid over it.</summary>
    private static JsonObject AssignmentProfile(JsonObject? given, List<string>? samlRoles, string? role)
    {
        var profile = (JsonObject?)given?.DeepClone() ?? [];
        if (samlRoles is not null)
        {
            profile[SamlRoles.PropertyName] = SamlRoles.Profile(samlRoles)[SamlRoles.PropertyName]!.DeepClone();
        }

        if (role is not null)
        {
            profile[DefaultRole.PropertyName] = role;
        }

        return profile;
    }
}

public sealed class FixtureOrg
{
    public string? CompanyName { get; set; }
    public string? Subdomain { get; set; }

    /// <summary>False: the API token's admin is not a super admin, so every roles endpoint answers 403.</summary>
    public bool? TokenIsSuperAdmin { get; set; }
}

public sealed class FixtureUser
{
    public required string Id { get; set; }
    public required string Login { get; set; }
    public string? Email { get; set; }
    public string? SecondEmail { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Status { get; set; }

    public List<FixtureAdminRole> AdminRoles { get; set; } = [];
}

public sealed class FixtureGroup
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string? Type { get; set; }

    /// <summary>The app an APP_GROUP was imported from (e.g. an active_directory app); implies type APP_GROUP.</summary>
    public string? SourceAppId { get; set; }

    /// <summary>User ids (or logins).</summary>
    public List<string> Members { get; set; } = [];

    public List<FixtureAdminRole> AdminRoles { get; set; } = [];
}

public sealed class FixtureApp
{
    public required string Id { get; set; }
    public string? Name { get; set; }
    public string? Label { get; set; }

    /// <summary>ACTIVE (the default) or INACTIVE.</summary>
    public string? Status { get; set; }

    public string? SignOnMode { get; set; }

    /// <summary>Served verbatim as <c>settings.app</c>.</summary>
    public JsonObject? SettingsApp { get; set; }

    public bool SamlRolesUnion { get; set; }
    public FixtureRoleList? RoleList { get; set; }
    public List<FixtureUserAssignment> UserAssignments { get; set; } = [];
    public List<FixtureGroupAssignment> GroupAssignments { get; set; } = [];
}

public sealed class FixtureRoleList
{
    public List<string>? SamlIamRoles { get; set; }
    public List<string>? IamRoles { get; set; }
    public int? Status { get; set; }
}

public sealed class FixtureUserAssignment
{
    public required string UserId { get; set; }
    public List<string>? SamlRoles { get; set; }

    /// <summary>The AWS app's single-valued default role (<c>profile.role</c>).</summary>
    public string? Role { get; set; }
    public JsonObject? Profile { get; set; }
}

public sealed class FixtureGroupAssignment
{
    public required string GroupId { get; set; }
    public int? Priority { get; set; }
    public List<string>? SamlRoles { get; set; }

    /// <summary>The AWS app's single-valued default role (<c>profile.role</c>).</summary>
    public string? Role { get; set; }
    public JsonObject? Profile { get; set; }
}
