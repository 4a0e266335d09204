namespace BatonOktaAws.Core.Aws;

/// <summary>How a user is assigned to the AWS app: directly (with the assignment's roles) or through groups.</summary>
public sealed record AppAssignment(bool IsDirect, IReadOnlyList<SamlRole> DirectRoles)
{
    public static AppAssignment Direct(params SamlRole[] roles) => new(true, roles);

    public static AppAssignment ThroughGroups { get; } = new(false, []);
}

/// <summary>A group assigned to the AWS app that the user belongs to (single-account mode).</summary>
public sealed record AssignedGroup(string GroupId, int? Priority, IReadOnlyList<SamlRole> Roles);

/// <summary>A group the user belongs to whose name maps to an account and role (group-mapping mode).</summary>
public sealed record MappedGroup(string GroupId, AwsAccountId Account, SamlRole Role);
