namespace BatonOktaAws.Core.Review.Admin;

/// <summary>How an Okta admin can change who may assume an AWS role.</summary>
public enum AdminCapability
{
    /// <summary>Change the AWS app's assignments: assign users or groups, edit their samlRoles and role.</summary>
    AppAssignments,

    /// <summary>Change the membership of a group whose members get an AWS role (an assigned or group-mapping group).</summary>
    GroupMembership,
}

public static class AdminCapabilities
{
    /// <summary>The stable name scripts see: <c>app-assignments</c> or <c>group-membership</c>.</summary>
    public static string Name(this AdminCapability capability) => capability switch
    {
        AdminCapability.AppAssignments => "app-assignments",
        _ => "group-membership",
    };
}
