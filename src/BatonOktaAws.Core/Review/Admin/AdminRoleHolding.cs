using BatonOktaAws.Core.Okta;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Review.Admin;

/// <summary>
/// One admin role assignment with what scopes it: the targets of a standard role, or a custom role's permissions and
/// its resource set's resources (null when the sync did not read them).
/// </summary>
internal sealed record AdminRoleHolding(
    AdminRoleAssignmentRecord Assignment,
    IReadOnlyList<AdminRoleTargetRecord> Targets,
    CustomRoleRecord? CustomRole,
    IReadOnlyList<ResourceSetResourceRecord>? Resources,
    string? ResourceSetLabel)
{
    public string Type => Assignment.RoleType;

    public string Label => Assignment.Label ?? CustomRole?.Label ?? Assignment.RoleId;

    public bool IsCustom => Type == OktaRoleTypes.Custom;

    /// <summary>Whether the sync knows what this role can do: a standard role Okta documents, or a custom role read with its resource set.</summary>
    public bool IsEvaluable => IsCustom ? CustomRole is not null && Resources is not null : OktaRoleTypes.Standard.Contains(Type);

    public IReadOnlyList<AdminRoleTargetRecord> AppTargets => [.. Targets.Where(t => t.TargetType is AdminRoleTargetRecord.App or AdminRoleTargetRecord.AppInstance)];

    public IReadOnlyList<AdminRoleTargetRecord> GroupTargets => [.. Targets.Where(t => t.TargetType == AdminRoleTargetRecord.Group)];
}
