using System.Text.Json.Serialization;

namespace BatonOktaAws.Core.Okta.Models;

/// <summary>Body of <c>POST /api/v1/apps/{appId}/users</c> (Okta's <c>AppUserAssignRequest</c>).</summary>
public sealed class AppUserAssignRequest
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("scope")]
    public string Scope { get; init; } = OktaAppUser.UserScope;

    [JsonPropertyName("profile")]
    public required AwsAppProfile Profile { get; init; }
}

/// <summary>Body of <c>POST /api/v1/apps/{appId}/users/{userId}</c> (profile update).</summary>
public sealed class AppUserProfileUpdateRequest
{
    [JsonPropertyName("profile")]
    public required AwsAppProfile Profile { get; init; }
}

/// <summary>Body of <c>PUT /api/v1/apps/{appId}/groups/{groupId}</c>.</summary>
public sealed class AppGroupAssignRequest
{
    [JsonPropertyName("priority")]
    public int? Priority { get; init; }

    [JsonPropertyName("profile")]
    public required AwsAppProfile Profile { get; init; }
}

/// <summary>One JSON-Patch operation replacing <c>/profile/samlRoles</c> on an app group assignment.</summary>
public sealed class SamlRolesPatchOperation
{
    [JsonPropertyName("op")]
    public string Op { get; init; } = "replace";

    [JsonPropertyName("path")]
    public string Path { get; init; } = "/profile/samlRoles";

    [JsonPropertyName("value")]
    public required List<string> Value { get; init; }
}
