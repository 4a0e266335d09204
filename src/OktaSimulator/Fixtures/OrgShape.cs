namespace OktaSimulator.Fixtures;

/// <summary>How the AWS app maps users to roles in a generated org.</summary>
public enum AwsAppMode
{
    /// <summary>One account (from <c>identityProviderArn</c>); roles come from <c>samlRoles</c> on assignments.</summary>
    SingleAccount,

    /// <summary>Roles and accounts come from group names matching <c>groupFilter</c>.</summary>
    GroupMapping,
}

/// <summary>The sizes and settings of a generated org. Presets match the benchmark's S, M and L.</summary>
public sealed record OrgShape
{
    public int Seed { get; init; } = 42;
    public int Users { get; init; } = 1_000;
    public int Groups { get; init; } = 40;

    /// <summary>Groups assigned to the AWS app (including the large ones).</summary>
    public int AssignedGroups { get; init; } = 12;

    /// <summary>How many of the assigned groups are large, and their size.</summary>
    public int LargeGroups { get; init; } = 3;
    public int LargeGroupSize { get; init; } = 100;

    /// <summary>Users assigned to the app in any way, and how many of those directly.</summary>
    public int AppUsers { get; init; } = 600;
    public int DirectAppUsers { get; init; } = 100;

    /// <summary>Members of each group that is not assigned to the app (drawn from all users).</summary>
    public int UnassignedGroupSize { get; init; } = 25;

    public AwsAppMode Mode { get; init; } = AwsAppMode.SingleAccount;
    public bool JoinAllRoles { get; init; }
    public bool SamlRolesUnion { get; init; }
    public string AccountId { get; init; } = "123456789012";

    /// <summary>Further accounts that group-mapping group names point at.</summary>
    public IReadOnlyList<string> MappedAccountIds { get; init; } = ["123456789012", "210987654321", "555555555555"];

    public IReadOnlyList<string> Roles { get; init; } = ["Admin", "Auditor", "Billing", "Developer", "PowerUser", "ReadOnly", "Security", "Support"];

    /// <summary>
    /// amazon_aws app instances. 1 is the org the presets have always generated. More spread the same app users
    /// over several apps: mostly single-account apps (one AWS account each, as Okta's AWS guide sets one account per
    /// app instance) and every fifth a group-mapping app, with the large groups and some small groups assigned to
    /// several apps.
    /// </summary>
    public int AwsApps { get; init; } = 1;

    /// <summary>Apps of other kinds beside the AWS ones (the first is an active_directory app that some groups come from).</summary>
    public int NonAwsApps { get; init; }

    /// <summary>Users and groups holding Okta admin roles (0: none).</summary>
    public int AdminRoleHolders { get; init; }

    public static OrgShape Small => new();

    public static OrgShape Medium => new()
    {
        Users = 20_000,
        Groups = 400,
        AssignedGroups = 60,
        LargeGroups = 3,
        LargeGroupSize = 2_000,
        AppUsers = 12_000,
        DirectAppUsers = 2_000,
    };

    public static OrgShape Large => new()
    {
        Users = 100_000,
        Groups = 2_000,
        AssignedGroups = 300,
        LargeGroups = 3,
        LargeGroupSize = 10_000,
        AppUsers = 60_000,
        DirectAppUsers = 10_000,
    };

    /// <summary>L spread over 20 AWS apps, with five other apps and a dozen admin role holders.</summary>
    public static OrgShape Large20 => Large with { AwsApps = 20, NonAwsApps = 5, AdminRoleHolders = 12 };

    public static OrgShape Named(string name) => name.ToUpperInvariant() switch
    {
        "S" or "SMALL" => Small,
        "M" or "MEDIUM" => Medium,
        "L" or "LARGE" => Large,
        "L20" => Large20,
        _ => throw new ArgumentException($"Unknown org size '{name}': use S, M, L or L20.", nameof(name)),
    };
}
