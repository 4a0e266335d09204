using System.Text.Json.Serialization;

namespace BatonOktaAws.Core.Okta.Models;

/// <summary>What <c>/api/v1/internal/apps/{appId}/types</c> lists: the IAM roles Okta found in the AWS account.</summary>
public sealed class AwsRoleListResponse
{
    [JsonPropertyName("SamlIamRole")]
    public List<string>? SamlIamRole { get; set; }

    [JsonPropertyName("IamRole")]
    public List<string>? IamRole { get; set; }
}
