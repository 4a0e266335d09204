using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Store;

public sealed partial class SyncBatch
{
    /// <summary>Records an admin role assignment and its targets (again: the same assignment read twice is kept once).</summary>
    public void PutAdminRole(AdminRoleAssignmentRecord role, IReadOnlyCollection<AdminRoleTargetRecord> targets)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(targets);
        var admin = _statements.Admin;
        admin.PutRole.Run(_syncId, role.AssigneeType, role.AssigneeId, role.AssignmentId, role.RoleType, role.RoleId, role.Label, role.Status, role.ResourceSetId);
        foreach (var target in targets)
        {
            admin.InsertTarget.Run(_syncId, target.AssigneeType, target.AssigneeId, target.AssignmentId, target.TargetType, target.TargetId, target.AppName, target.DisplayName);
        }
    }

    /// <summary>Records an admin role as a resource (<c>role</c>): <paramref name="roleId"/> is a standard type or a custom role's id.</summary>
    public void UpsertAdminRoleResource(string roleId, string displayName, string description)
    {
        ArgumentException.ThrowIfNullOrEmpty(roleId);
        _statements.Admin.UpsertRoleResource.Run(_syncId, roleId, displayName, description);
    }

    public void PutCustomRole(CustomRoleRecord role)
    {
        ArgumentNullException.ThrowIfNull(role);
        var admin = _statements.Admin;
        admin.PutCustomRole.Run(_syncId, role.RoleId, role.Label, role.Description);
        foreach (var permission in role.Permissions)
        {
            admin.InsertPermission.Run(_syncId, role.RoleId, permission);
        }
    }

    public void PutResourceSet(ResourceSetRecord set, IReadOnlyCollection<ResourceSetResourceRecord> resources, IReadOnlyCollection<ResourceSetBindingRecord> bindings)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(bindings);
        var admin = _statements.Admin;
        admin.PutResourceSet.Run(_syncId, set.ResourceSetId, set.Label, set.Description);
        foreach (var r in resources)
        {
            admin.PutResource.Run(_syncId, r.ResourceSetId, r.ResourceId, r.Orn, r.Kind, r.TargetId, r.AppName);
        }

        foreach (var b in bindings)
        {
            admin.PutBinding.Run(_syncId, b.ResourceSetId, b.RoleId, b.MemberId, b.MemberType, b.PrincipalId);
        }
    }
}
