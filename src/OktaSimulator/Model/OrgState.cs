using System.Text.Json.Nodes;
using OktaSimulator.Http;

namespace OktaSimulator.Model;

/// <summary>
/// The whole simulated org. Every read and write takes <see cref="SyncRoot"/>, so concurrent requests see
/// one consistent org; writes bump <see cref="Version"/>, which invalidates the derived app users.
/// </summary>
public sealed class OrgState
{
    private readonly Dictionary<string, SimUser> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimUser> _usersByLogin = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SimGroup> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimApp> _apps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AppUserIndex> _appUserIndexes = new(StringComparer.Ordinal);
    private readonly List<string> _awsAppIds = [];
    private string[]? _sortedUserIds;
    private string[]? _sortedGroupIds;
    private string[]? _sortedAppIds;

    public OrgState(SimOrg? org = null, TimeProvider? timeProvider = null)
    {
        Org = org ?? new SimOrg();
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    public object SyncRoot { get; } = new();
    public SimOrg Org { get; }
    public TimeProvider TimeProvider { get; }
    public long Version { get; private set; }

    public IReadOnlyDictionary<string, SimUser> Users => _users;
    public IReadOnlyDictionary<string, SimGroup> Groups => _groups;
    public IReadOnlyDictionary<string, SimApp> Apps => _apps;

    /// <summary>Admin role assignments, custom roles and resource sets (the read side of Okta's roles API).</summary>
    public AdminRoles AdminRoles { get; } = new();

    /// <summary>The app the fixture or generator marked as "the" AWS app (the first amazon_aws app added).</summary>
    public string? AwsAppId { get; private set; }

    /// <summary>Every amazon_aws app, in the order they were added (the first is <see cref="AwsAppId"/>).</summary>
    public IReadOnlyList<string> AwsAppIds => _awsAppIds;

    public IReadOnlyList<string> SortedUserIds => _sortedUserIds ??= Sorted(_users.Keys);
    public IReadOnlyList<string> SortedGroupIds => _sortedGroupIds ??= Sorted(_groups.Keys);
    public IReadOnlyList<string> SortedAppIds => _sortedAppIds ??= Sorted(_apps.Keys);

    public void AddUser(SimUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (SyncRoot)
        {
            _users.Add(user.Id, user);
            _usersByLogin[user.Login] = user;
            _sortedUserIds = null;
            Version++;
        }
    }

    public void AddGroup(SimGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        lock (SyncRoot)
        {
            _groups.Add(group.Id, group);
            _sortedGroupIds = null;
            Version++;
        }
    }

    public void AddApp(SimApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        lock (SyncRoot)
        {
            _apps.Add(app.Id, app);
            _sortedAppIds = null;
            if (app.IsAws)
            {
                AwsAppId ??= app.Id;
                _awsAppIds.Add(app.Id);
            }

            Version++;
        }
    }

    /// <summary>Finds a user by id or by login, as <c>GET /api/v1/users/{id}</c> does.</summary>
    public SimUser? FindUser(string idOrLogin)
    {
        lock (SyncRoot)
        {
            return _users.TryGetValue(idOrLogin, out var byId) ? byId
                : _usersByLogin.TryGetValue(idOrLogin, out var byLogin) ? byLogin
                : null;
        }
    }

    public SimUser RequireUser(string idOrLogin) =>
        FindUser(idOrLogin) ?? throw new OktaErrorException(OktaError.NotFound(idOrLogin, "User"));

    public SimGroup RequireGroup(string groupId)
    {
        lock (SyncRoot)
        {
            return _groups.TryGetValue(groupId, out var group)
                ? group
                : throw new OktaErrorException(OktaError.NotFound(groupId, "UserGroup"));
        }
    }

    public SimApp RequireApp(string appId)
    {
        lock (SyncRoot)
        {
            return _apps.TryGetValue(appId, out var app)
                ? app
                : throw new OktaErrorException(OktaError.NotFound(appId, "AppInstance"));
        }
    }

    /// <summary>The groups a user belongs to, in id order.</summary>
    public IReadOnlyList<SimGroup> GroupsOfUser(string userId)
    {
        lock (SyncRoot)
        {
            var result = new List<SimGroup>();
            foreach (var id in SortedGroupIds)
            {
                var group = _groups[id];
                if (group.Members.Contains(userId))
                {
                    result.Add(group);
                }
            }

            return result;
        }
    }

    public bool IsMember(string groupId, string userId)
    {
        lock (SyncRoot)
        {
            return _groups.TryGetValue(groupId, out var group) && group.Members.Contains(userId);
        }
    }

    internal AppUserIndex AppUserIndexFor(SimApp app)
    {
        lock (SyncRoot)
        {
            if (!_appUserIndexes.TryGetValue(app.Id, out var index) || index.Version != Version)
            {
                index = AppUserIndex.Build(Version, app, _groups);
                _appUserIndexes[app.Id] = index;
            }

            return index;
        }
    }

    /// <summary>The app's users in id order (direct and through assigned groups).</summary>
    public IReadOnlyList<string> AppUserIds(SimApp app) => AppUserIndexFor(app).SortedUserIds;

    /// <summary>
    /// The app user Okta would show: a direct assignment wins (scope USER, its own profile); otherwise the
    /// profile of the highest-priority assigned group the user is in (scope GROUP) — including the single-valued
    /// <c>role</c> — with samlRoles merged across all of the user's assigned groups when the schema's samlRoles
    /// union is ENABLE.
    /// </summary>
    /// <remarks>
    /// Okta's "Combine values across groups" (union ENABLE) exists only for array attributes: "Attributes that are
    /// assigned a group priority option must have a Data type of string array, number array, or integer array"
    /// (https://help.okta.com/en-us/content/topics/users-groups-profiles/usgp-assign-app-group-priority.htm), and
    /// "When a user belongs to more than one group, the user attribute value is the combination of values from the
    /// groups" (https://help.okta.com/en-us/content/topics/users-groups-profiles/usgp-add-custom-group-attributes.htm).
    /// A string such as <c>role</c> therefore always follows group priority: "the user attribute value comes from the
    /// group with the highest group priority" (same page). When that group sets no role, the user has none; the
    /// simulator does not fall back to a lower-priority group's value (Okta is silent; see docs/simulator.md).
    /// </remarks>
    public DerivedAppUser? DeriveAppUser(SimApp app, string userId)
    {
        ArgumentNullException.ThrowIfNull(app);
        lock (SyncRoot)
        {
            if (!_users.TryGetValue(userId, out var user))
            {
                return null;
            }

            if (app.DirectAssignments.TryGetValue(userId, out var direct))
            {
                return new DerivedAppUser(user, AppUserScope.User, (JsonObject)direct.Profile.DeepClone(), direct.Created, direct.LastUpdated);
            }

            if (!AppUserIndexFor(app).GroupsByUser.TryGetValue(userId, out var groups) || groups.Count == 0)
            {
                return null;
            }

            var winner = groups[0];
            var profile = (JsonObject)winner.Profile.DeepClone();
            if (app.SamlRolesUnion)
            {
                var roles = new JsonArray();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var group in groups)
                {
                    foreach (var role in SamlRoles.Read(group.Profile))
                    {
                        if (seen.Add(role))
                        {
                            roles.Add((JsonNode)role);
                        }
                    }
                }

                profile[SamlRoles.PropertyName] = roles;
            }

            var lastUpdated = groups.Max(g => g.LastUpdated);
            return new DerivedAppUser(user, AppUserScope.Group, profile, user.Created, lastUpdated);
        }
    }

    /// <summary>Adds a user to an OKTA_GROUP. Returns false when they were already a member (a no-op, as in Okta).</summary>
    public bool AddMember(string groupId, string userId)
    {
        lock (SyncRoot)
        {
            var group = RequireEditableGroup(groupId);
            var user = RequireUser(userId);
            var added = group.Members.Add(user.Id);
            if (added)
            {
                group.LastMembershipUpdated = Now;
                Version++;
            }

            return added;
        }
    }

    /// <summary>Removes a user from an OKTA_GROUP. Returns false when they were not a member.</summary>
    public bool RemoveMember(string groupId, string userId)
    {
        lock (SyncRoot)
        {
            var group = RequireEditableGroup(groupId);
            var user = RequireUser(userId);
            var removed = group.Members.Remove(user.Id);
            if (removed)
            {
                group.LastMembershipUpdated = Now;
                Version++;
            }

            return removed;
        }
    }

    /// <summary>
    /// Assigns a user directly (scope USER). A user who so far had the app through a group keeps the
    /// profile they had, overlaid with the given one — which is how a group assignment gets converted.
    /// </summary>
    public DerivedAppUser AssignUser(string appId, string userId, JsonObject profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        lock (SyncRoot)
        {
            var app = RequireApp(appId);
            var user = RequireUser(userId);
            var now = Now;
            if (app.DirectAssignments.TryGetValue(user.Id, out var existing))
            {
                Overlay(existing.Profile, profile);
                existing.LastUpdated = now;
            }
            else
            {
                var start = DeriveAppUser(app, user.Id)?.Profile ?? new JsonObject();
                Overlay(start, profile);
                app.DirectAssignments[user.Id] = new SimAppUserAssignment
                {
                    UserId = user.Id,
                    Profile = start,
                    Created = now,
                    LastUpdated = now,
                };
            }

            Version++;
            return DeriveAppUser(app, user.Id)!;
        }
    }

    /// <summary>Updates a direct assignment's profile (properties given replace those stored).</summary>
    public DerivedAppUser UpdateAppUser(string appId, string userId, JsonObject profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        lock (SyncRoot)
        {
            var app = RequireApp(appId);
            var user = RequireUser(userId);
            if (!app.DirectAssignments.TryGetValue(user.Id, out var existing))
            {
                throw new OktaErrorException(DeriveAppUser(app, user.Id) is null
                    ? OktaError.NotFound(user.Id, "AppUser")
                    : OktaError.ValidationFailed("The user is assigned to the app through a group; assign the user directly to change its app profile."));
            }

            Overlay(existing.Profile, profile);
            existing.LastUpdated = Now;
            Version++;
            return DeriveAppUser(app, user.Id)!;
        }
    }

    /// <summary>Removes a direct assignment. A user still in an assigned group stays, with scope GROUP.</summary>
    public void UnassignUser(string appId, string userId)
    {
        lock (SyncRoot)
        {
            var app = RequireApp(appId);
            var user = RequireUser(userId);
            if (!app.DirectAssignments.Remove(user.Id))
            {
                throw new OktaErrorException(DeriveAppUser(app, user.Id) is null
                    ? OktaError.NotFound(user.Id, "AppUser")
                    : OktaError.ValidationFailed("The user is assigned to the app through a group and can't be unassigned directly."));
            }

            Version++;
        }
    }

    /// <summary>Creates or replaces a group assignment. Without a priority, a new assignment goes last.</summary>
    public SimAppGroupAssignment AssignGroup(string appId, string groupId, int? priority, JsonObject profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        lock (SyncRoot)
        {
            var app = RequireApp(appId);
            var group = RequireGroup(groupId);
            var now = Now;
            if (app.GroupAssignments.TryGetValue(group.Id, out var existing))
            {
                existing.Profile = profile;
                existing.Priority = priority ?? existing.Priority;
                existing.LastUpdated = now;
            }
            else
            {
                existing = new SimAppGroupAssignment
                {
                    GroupId = group.Id,
                    Priority = priority ?? NextPriority(app),
                    Profile = profile,
                    LastUpdated = now,
                };
                app.GroupAssignments[group.Id] = existing;
            }

            Version++;
            return existing;
        }
    }

    /// <summary>Applies JSON-Patch <c>replace</c>/<c>remove</c> operations on <c>/profile/*</c> or <c>/priority</c>.</summary>
    public SimAppGroupAssignment PatchGroupAssignment(string appId, string groupId, IReadOnlyList<JsonPatch> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        lock (SyncRoot)
        {
            var app = RequireApp(appId);
            if (!app.GroupAssignments.TryGetValue(groupId, out var assignment))
            {
                throw new OktaErrorException(OktaError.NotFound(groupId, "ApplicationGroupAssignment"));
            }

            var profile = (JsonObject)assignment.Profile.DeepClone();
            var priority = assignment.Priority;
            foreach (var op in operations)
            {
                ApplyPatch(op, profile, ref priority);
            }

            assignment.Profile = profile;
            assignment.Priority = priority;
            assignment.LastUpdated = Now;
            Version++;
            return assignment;
        }
    }

    public void UnassignGroup(string appId, string groupId)
    {
        lock (SyncRoot)
        {
            var app = RequireApp(appId);
            if (!app.GroupAssignments.Remove(groupId))
            {
                throw new OktaErrorException(OktaError.NotFound(groupId, "ApplicationGroupAssignment"));
            }

            Version++;
        }
    }

    private DateTimeOffset Now => TimeProvider.GetUtcNow();

    private SimGroup RequireEditableGroup(string groupId)
    {
        var group = RequireGroup(groupId);
        if (group.Type != GroupType.OktaGroup)
        {
            throw new OktaErrorException(OktaError.Forbidden(
                $"Memberships of a {group.Type} group can't be changed through the API."));
        }

        return group;
    }

    private static int NextPriority(SimApp app) =>
        app.GroupAssignments.Count == 0 ? 0 : app.GroupAssignments.Values.Max(a => a.Priority) + 1;

    private static void Overlay(JsonObject target, JsonObject changes)
    {
        foreach (var (key, value) in changes)
        {
            target[key] = value?.DeepClone();
        }
    }

    private static void ApplyPatch(JsonPatch op, JsonObject profile, ref int priority)
    {
        if (op.Path == "/priority" && op.Op == "replace" && op.Value is JsonValue v && v.TryGetValue<int>(out var p))
        {
            priority = p;
            return;
        }

        const string prefix = "/profile/";
        if (!op.Path.StartsWith(prefix, StringComparison.Ordinal) || op.Path.Length == prefix.Length)
        {
            throw new OktaErrorException(OktaError.ValidationFailed($"Unsupported patch path '{op.Path}'."));
        }

        var property = op.Path[prefix.Length..];
        switch (op.Op)
        {
            case "replace":
                profile[property] = op.Value?.DeepClone();
                break;
            case "remove":
                profile.Remove(property);
                break;
            default:
                throw new OktaErrorException(OktaError.ValidationFailed($"Unsupported patch operation '{op.Op}'."));
        }
    }

    private static string[] Sorted(IEnumerable<string> keys)
    {
        var array = keys.ToArray();
        Array.Sort(array, StringComparer.Ordinal);
        return array;
    }
}
