using BatonOktaAws.Core.Aws;

namespace BatonOktaAws.Core.Provisioning;

/// <summary>How to provision.</summary>
public sealed record ProvisioningOptions
{
    /// <summary>
    /// The AWS apps an <c>account:</c> change may go to (<c>--aws-okta-app-id</c>); each change goes to the one app
    /// among them that serves its account. Group memberships need no app.
    /// </summary>
    public AppSelection Apps { get; init; } = AppSelection.Every;

    /// <summary>Do every read, print the writes that would be made, make none.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// Allow giving a direct role to a user whose app assignment is group-scoped, which converts it into a
    /// direct assignment. With <c>joinAllRoles</c> on the direct assignment holds only the roles asked for (the
    /// groups' roles keep reaching the user); with it off the group roles are copied and reported as
    /// <see cref="RoleMadeDirect"/>.
    /// </summary>
    public bool AllowGroupToDirectConversion { get; init; }

    /// <summary>Grant a role that the app's AWS role list (when Okta gives it) does not hold; otherwise such a grant is refused.</summary>
    public bool AllowUnknownRole { get; init; }

    /// <summary>A sync file to name the matching groups from when refusing a role change in group-mapping mode.</summary>
    public string? SyncFilePath { get; init; }
}
