using OktaSimulator.Http;

namespace OktaSimulator.Model;

/// <summary>
/// The org's admin role assignments (standard roles held by users and groups), custom roles and resource sets.
/// Read under <see cref="OrgState.SyncRoot"/>.
/// </summary>
public sealed class AdminRoles
{
    private readonly List<SimRoleAssignment> _standard = [];
    private readonly Dictionary<string, SimCustomRole> _customRoles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimResourceSet> _resourceSets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _assignmentIds = new(StringComparer.Ordinal);
    private int _nextId;

    public IReadOnlyList<SimRoleAssignment> Standard => _standard;
    public IReadOnlyDictionary<string, SimCustomRole> CustomRoles => _customRoles;
    public IReadOnlyDictionary<string, SimResourceSet> ResourceSets => _resourceSets;

    public IReadOnlyList<string> SortedCustomRoleIds => [.. _customRoles.Keys.Order(StringComparer.Ordinal)];
    public IReadOnlyList<string> SortedResourceSetIds => [.. _resourceSets.Keys.Order(StringComparer.Ordinal)];

    public bool IsEmpty => _standard.Count == 0 && _resourceSets.Values.All(r => r.Bindings.Count == 0);

    public void AddCustomRole(SimCustomRole role)
    {
        ArgumentNullException.ThrowIfNull(role);
        _customRoles.Add(role.Id, role);
    }

    public void AddResourceSet(SimResourceSet resourceSet)
    {
        ArgumentNullException.ThrowIfNull(resourceSet);
        _resourceSets.Add(resourceSet.Id, resourceSet);
    }

    public void AddStandard(SimRoleAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (!_assignmentIds.Add(assignment.Id))
        {
            throw new InvalidOperationException($"Role assignment id '{assignment.Id}' is used twice.");
        }

        _standard.Add(assignment);
    }

    /// <summary>Binds a member to a custom role over a resource set; binding the same member twice keeps one.</summary>
    public ResourceSetBindingMember Bind(SimResourceSet resourceSet, SimCustomRole role, RoleAssignee member, DateTimeOffset created, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(resourceSet);
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(member);
        if (!resourceSet.Bindings.TryGetValue(role.Id, out var members))
        {
            members = new SortedDictionary<string, ResourceSetBindingMember>(StringComparer.Ordinal);
            resourceSet.Bindings[role.Id] = members;
        }

        var existing = members.Values.FirstOrDefault(m => m.Member == member);
        if (existing is not null)
        {
            return existing;
        }

        var bound = new ResourceSetBindingMember(id ?? NewId("irbsim"), member, created);
        if (!_assignmentIds.Add(bound.Id))
        {
            throw new InvalidOperationException($"Role assignment id '{bound.Id}' is used twice.");
        }

        members[bound.Id] = bound;
        return bound;
    }

    /// <summary>A new id of Okta's 20-character shape, unique among role assignments.</summary>
    public string NewId(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        string id;
        do
        {
            id = prefix + (++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(20 - prefix.Length, '0');
        }
        while (_assignmentIds.Contains(id));

        return id;
    }

    public SimCustomRole? FindCustomRole(string idOrLabel) =>
        _customRoles.GetValueOrDefault(idOrLabel) ?? _customRoles.Values.FirstOrDefault(r => r.Label == idOrLabel);

    public SimResourceSet? FindResourceSet(string idOrLabel) =>
        _resourceSets.GetValueOrDefault(idOrLabel) ?? _resourceSets.Values.FirstOrDefault(r => r.Label == idOrLabel);

    public SimCustomRole RequireCustomRole(string idOrLabel) =>
        FindCustomRole(idOrLabel) ?? throw new OktaErrorException(OktaError.NotFound(idOrLabel, "Role"));

    public SimResourceSet RequireResourceSet(string idOrLabel) =>
        FindResourceSet(idOrLabel) ?? throw new OktaErrorException(OktaError.NotFound(idOrLabel, "ResourceSet"));

    /// <summary>The roles an assignee holds itself (standard roles first, then custom bindings by resource set and role).</summary>
    public List<EffectiveRoleAssignment> HeldBy(RoleAssignee assignee)
    {
        ArgumentNullException.ThrowIfNull(assignee);
        var held = new List<EffectiveRoleAssignment>();
        foreach (var standard in _standard)
        {
            if (standard.Assignee == assignee)
            {
                held.Add(new EffectiveRoleAssignment(standard.Id, assignee.Kind, assignee, standard, null, null, standard.Created));
            }
        }

        foreach (var resourceSetId in SortedResourceSetIds)
        {
            var resourceSet = _resourceSets[resourceSetId];
            foreach (var (roleId, members) in resourceSet.Bindings)
            {
                foreach (var member in members.Values)
                {
                    if (member.Member == assignee)
                    {
                        held.Add(new EffectiveRoleAssignment(member.Id, assignee.Kind, assignee, null, _customRoles[roleId], resourceSet, member.Created));
                    }
                }
            }
        }

        return held;
    }

    /// <summary>
    /// A user's role assignments: their own (assignmentType USER), then those of each group they are in
    /// (assignmentType GROUP, the group as assignee), groups in id order.
    /// </summary>
    public List<EffectiveRoleAssignment> OfUser(OrgState state, string userId)
    {
        ArgumentNullException.ThrowIfNull(state);
        var all = HeldBy(RoleAssignee.ForUser(userId));
        foreach (var group in state.GroupsOfUser(userId))
        {
            all.AddRange(HeldBy(RoleAssignee.ForGroup(group.Id)));
        }

        return all;
    }

    /// <summary>Users who hold a role assignment themselves, in id order.</summary>
    public List<string> UsersWithOwnAssignments()
    {
        var users = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var standard in _standard.Where(s => s.Assignee.IsUser))
        {
            users.Add(standard.Assignee.Id);
        }

        foreach (var member in _resourceSets.Values.SelectMany(r => r.Bindings.Values).SelectMany(m => m.Values).Where(m => m.Member.IsUser))
        {
            users.Add(member.Member.Id);
        }

        return [.. users];
    }

    public bool GroupHoldsARole(string groupId) => HeldBy(RoleAssignee.ForGroup(groupId)).Count > 0;
}
