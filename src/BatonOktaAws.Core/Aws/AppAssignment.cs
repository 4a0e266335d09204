namespace BatonOktaAws.Core.Aws;

/// <summary>
/// The roles one assignment profile hands out: its <c>samlRoles</c>, or — when those are empty — its default
/// <c>role</c> ("If no values are selected for SAML user roles, then a value from the Role drop-down is used as a
/// default role": Okta's AWS SAML guide).
/// </summary>
public sealed record AssignmentRoles(IReadOnlyList<SamlRole> SamlRoles, SamlRole? DefaultRole)
{
    public static AssignmentRoles None { get; } = new([], null);

    public static AssignmentRoles Of(params SamlRole[] roles) => new(roles, null);

    /// <summary>
    /// An assignment profile's roles as Okta stores them. A value IAM cannot accept as a role name can never be
    /// assumed and is left out (the sync warns of it, <c>unusable-role</c>) — but it was still selected, so the default
    /// <c>role</c> does not stand in: Okta uses the default only "if no values are selected for SAML user roles".
    /// </summary>
    /// <param name="unusable">Told each name left out (and whether it is the default role), for a warning.</param>
    public static AssignmentRoles FromProfile(IReadOnlyList<string>? samlRoles, string? role, Action<string, bool>? unusable = null)
    {
        samlRoles ??= [];
        var usable = new List<SamlRole>(samlRoles.Count);
        foreach (var name in samlRoles)
        {
            if (SamlRole.TryParse(name, out var parsed))
            {
                usable.Add(parsed.Value);
            }
            else
            {
                unusable?.Invoke(name, false);
            }
        }

        SamlRole? defaultRole = null;
        if (role is not null)
        {
            if (SamlRole.TryParse(role, out var parsed))
            {
                defaultRole = parsed;
            }
            else
            {
                unusable?.Invoke(role, true);
            }
        }

        return new AssignmentRoles([.. usable.Distinct()], samlRoles.Count == 0 ? defaultRole : null);
    }

    /// <summary>True when the profile has no samlRoles and the default role stands in for them.</summary>
    public bool UsesDefaultRole => SamlRoles.Count == 0 && DefaultRole is not null;

    public IReadOnlyList<SamlRole> Effective => SamlRoles.Count > 0 ? SamlRoles : DefaultRole is { } role ? [role] : [];
}

/// <summary>How a user is assigned to the AWS app: directly (with the assignment's roles) or through groups.</summary>
public sealed record AppAssignment(bool IsDirect, AssignmentRoles DirectRoles)
{
    public static AppAssignment Direct(params SamlRole[] roles) => new(true, AssignmentRoles.Of(roles));

    public static AppAssignment ThroughGroups { get; } = new(false, AssignmentRoles.None);
}

/// <summary>A group assigned to the AWS app that the user belongs to (single-account mode).</summary>
public sealed record AssignedGroup(string GroupId, int? Priority, AssignmentRoles Roles);

/// <summary>A group the user belongs to whose name maps to an account and role (group-mapping mode).</summary>
public sealed record MappedGroup(string GroupId, AwsAccountId Account, SamlRole Role);
