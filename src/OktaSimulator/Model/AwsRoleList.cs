namespace OktaSimulator.Model;

/// <summary>
/// What <c>/api/v1/internal/apps/{appId}/types</c> answers for an AWS app. A non-200
/// <see cref="Status"/> makes the endpoint fail that way (the list is optional to the connector).
/// </summary>
public sealed class AwsRoleList
{
    public List<string> SamlIamRoles { get; init; } = [];
    public List<string> IamRoles { get; init; } = [];
    public int Status { get; set; } = 200;
}
