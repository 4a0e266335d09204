using OktaSimulator.Model;

namespace OktaSimulator.Fixtures;

/// <summary>Loads a fixture's custom roles, resource sets and admin roles into an org, checking every reference.</summary>
internal static class AdminRoleLoader
{
    public static void Load(OrgFixture fixture, OrgState state, DateTimeOffset created)
    {
        var roles = state.AdminRoles;
        foreach (var r in fixture.CustomRoles)
        {
            var role = new SimCustomRole { Id = r.Id, Label = r.Label, Description = r.Description ?? string.Empty, Created = created };
            role.Permissions.AddRange(r.Permissions);
            roles.AddCustomRole(role);
        }

        foreach (var s in fixture.ResourceSets)
        {
            var set = new SimResourceSet { Id = s.Id, Label = s.Label, Description = s.Description ?? string.Empty, Created = created };
            foreach (var text in s.Resources)
            {
                CheckResource(state, s.Id, text);
                set.Resources.Add(new ResourceSetResource(roles.NewId("iresim"), text, created));
            }

            roles.AddResourceSet(set);
            foreach (var binding in s.Bindings)
            {
                var role = roles.CustomRoles.GetValueOrDefault(binding.Role)
                    ?? throw new InvalidDataException($"Resource set '{s.Id}' binds unknown custom role '{binding.Role}'.");
                foreach (var member in binding.Members)
                {
                    roles.Bind(set, role, Member(state, member) ?? throw new InvalidDataException($"Resource set '{s.Id}' binds unknown member '{member}'."), created);
                }
            }
        }

        foreach (var u in fixture.Users)
        {
            foreach (var adminRole in u.AdminRoles)
            {
                Assign(state, RoleAssignee.ForUser(state.FindUser(u.Id)!.Id), adminRole, created);
            }
        }

        foreach (var g in fixture.Groups)
        {
            foreach (var adminRole in g.AdminRoles)
            {
                Assign(state, RoleAssignee.ForGroup(g.Id), adminRole, created);
            }
        }
    }

    private static void Assign(OrgState state, RoleAssignee assignee, FixtureAdminRole a, DateTimeOffset created)
    {
        var roles = state.AdminRoles;
        var who = $"{assignee.Kind.ToLowerInvariant()} '{assignee.Id}'";
        if (a.Type == AdminRoleType.Custom)
        {
            if (a.Targets is not null)
            {
                throw new InvalidDataException($"The CUSTOM role of {who} has targets; a custom role is scoped by its resource set.");
            }

            var role = (a.Role is null ? null : roles.CustomRoles.GetValueOrDefault(a.Role))
                ?? throw new InvalidDataException($"The CUSTOM role of {who} names unknown custom role '{a.Role}'.");
            var set = (a.ResourceSet is null ? null : roles.ResourceSets.GetValueOrDefault(a.ResourceSet))
                ?? throw new InvalidDataException($"The CUSTOM role of {who} names unknown resource set '{a.ResourceSet}'.");
            roles.Bind(set, role, assignee, created, a.Id);
            return;
        }

        if (!AdminRoleType.IsStandard(a.Type))
        {
            throw new InvalidDataException($"The admin role of {who} has unknown type '{a.Type}'; use a standard role type or CUSTOM.");
        }

        if (a.Role is not null || a.ResourceSet is not null)
        {
            throw new InvalidDataException($"The {a.Type} role of {who} names a custom role or resource set; only CUSTOM roles take them.");
        }

        var assignment = new SimRoleAssignment { Id = a.Id ?? roles.NewId("rasim"), Type = a.Type, Assignee = assignee, Created = created };
        foreach (var text in a.Targets?.Apps ?? [])
        {
            if (!AdminRoleType.TakesAppTargets(a.Type))
            {
                throw new InvalidDataException($"The {a.Type} role of {who} has app targets; only {AdminRoleType.AppAdmin} takes them.");
            }

            var target = AppTarget.Parse(text);
            CheckApp(state, $"The {a.Type} role of {who}", target);
            assignment.AppTargets.Add(target);
        }

        foreach (var groupId in a.Targets?.Groups ?? [])
        {
            if (!AdminRoleType.TakesGroupTargets(a.Type))
            {
                throw new InvalidDataException($"The {a.Type} role of {who} has group targets; only USER_ADMIN, HELP_DESK_ADMIN and GROUP_MEMBERSHIP_ADMIN take them.");
            }

            if (!state.Groups.ContainsKey(groupId))
            {
                throw new InvalidDataException($"The {a.Type} role of {who} targets unknown group '{groupId}'.");
            }

            assignment.GroupTargets.Add(groupId);
        }

        roles.AddStandard(assignment);
    }

    private static void CheckResource(OrgState state, string setId, string text)
    {
        var resource = new ResourceSetResource(string.Empty, text, default);
        if (resource.GroupId is { } groupId)
        {
            if (!state.Groups.ContainsKey(groupId))
            {
                throw new InvalidDataException($"Resource set '{setId}' names unknown group '{groupId}'.");
            }
        }
        else if (resource.App is { } app)
        {
            CheckApp(state, $"Resource set '{setId}'", app);
        }
        else if (text is not ("apps" or "groups"))
        {
            throw new InvalidDataException($"Resource set '{setId}' has resource '{text}'; use apps, apps:<name>, apps:<name>:<appId>, groups or groups:<groupId>.");
        }
    }

    private static void CheckApp(OrgState state, string owner, AppTarget target)
    {
        if (target.AppId is null)
        {
            return;
        }

        if (!state.Apps.TryGetValue(target.AppId, out var app) || app.Name != target.AppName)
        {
            throw new InvalidDataException($"{owner} names app '{target.AppId}' of type '{target.AppName}', which the fixture does not have.");
        }
    }

    private static RoleAssignee? Member(OrgState state, string idOrLogin) =>
        state.FindUser(idOrLogin) is { } user ? RoleAssignee.ForUser(user.Id)
        : state.Groups.ContainsKey(idOrLogin) ? RoleAssignee.ForGroup(idOrLogin)
        : null;
}
