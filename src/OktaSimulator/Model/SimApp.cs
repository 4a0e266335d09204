using System.Text.Json.Nodes;

namespace OktaSimulator.Model;

/// <summary>An Okta app instance with its direct user and group assignments.</summary>
public sealed class SimApp
{
    public const string AwsAppName = "amazon_aws";

    public required string Id { get; init; }
    public string Name { get; init; } = AwsAppName;
    public required string Label { get; set; }
    public string Status { get; set; } = AppStatus.Active;
    public string SignOnMode { get; init; } = "SAML_2_0";
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset LastUpdated { get; set; }

    /// <summary><c>settings.app</c>, served verbatim: Okta gives it no schema, keys may be null or absent.</summary>
    public JsonObject? SettingsApp { get; set; }

    /// <summary>The app user schema's <c>samlRoles.union</c>: ENABLE merges the roles of every assigned group.</summary>
    public bool SamlRolesUnion { get; set; }

    public AwsRoleList RoleList { get; init; } = new();

    public SortedDictionary<string, SimAppUserAssignment> DirectAssignments { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, SimAppGroupAssignment> GroupAssignments { get; } = new(StringComparer.Ordinal);

    public bool IsAws => string.Equals(Name, AwsAppName, StringComparison.Ordinal);
}
