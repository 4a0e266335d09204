namespace OktaSimulator.Fixtures;

/// <summary>
/// An admin role on a fixture user or group: a standard <c>type</c> (with optional targets), or <c>CUSTOM</c> with
/// a custom <c>role</c> id and a <c>resourceSet</c> id (which binds the holder to that role over that set).
/// </summary>
public sealed class FixtureAdminRole
{
    /// <summary>Role assignment id; generated when absent.</summary>
    public string? Id { get; set; }

    public required string Type { get; set; }
    public string? Role { get; set; }
    public string? ResourceSet { get; set; }
    public FixtureRoleTargets? Targets { get; set; }
}

/// <summary>Targets of a standard role: apps as <c>amazon_aws</c> or <c>amazon_aws:0oa...</c>; groups by id. None = all.</summary>
public sealed class FixtureRoleTargets
{
    public List<string> Apps { get; set; } = [];
    public List<string> Groups { get; set; } = [];
}

/// <summary>A custom admin role: id, label and permissions such as <c>okta.apps.assignment.manage</c>.</summary>
public sealed class FixtureCustomRole
{
    public required string Id { get; set; }
    public required string Label { get; set; }
    public string? Description { get; set; }
    public List<string> Permissions { get; set; } = [];
}

/// <summary>
/// A resource set: resources (<c>apps</c>, <c>apps:amazon_aws</c>, <c>apps:amazon_aws:0oa...</c>, <c>groups</c>,
/// <c>groups:00g...</c>) and bindings of custom roles to members (user ids or logins, group ids).
/// </summary>
public sealed class FixtureResourceSet
{
    public required string Id { get; set; }
    public required string Label { get; set; }
    public string? Description { get; set; }
    public List<string> Resources { get; set; } = [];
    public List<FixtureBinding> Bindings { get; set; } = [];
}

public sealed class FixtureBinding
{
    public required string Role { get; set; }
    public List<string> Members { get; set; } = [];
}
