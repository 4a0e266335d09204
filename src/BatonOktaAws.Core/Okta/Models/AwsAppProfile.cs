using System.Text.Json.Serialization;

namespace BatonOktaAws.Core.Okta.Models;

/// <summary>
/// The AWS app's user and group-assignment profile, reduced to what matters here: <c>samlRoles</c>.
/// Other profile properties are left alone (Okta merges a profile update into what is stored).
/// </summary>
public sealed class AwsAppProfile
{
    [JsonPropertyName("samlRoles")]
    public List<string>? SamlRoles { get; set; }
}
