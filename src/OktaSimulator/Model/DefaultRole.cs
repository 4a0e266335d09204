namespace OktaSimulator.Model;

/// <summary>
/// The AWS app's single-valued <c>role</c> profile property ("Role" in the Admin Console). Okta's AWS guide:
/// "If no values are selected for SAML user roles, then a value from the Role drop-down is used as a default role"
/// (https://help.okta.com/en-us/content/topics/deploymentguides/aws/aws-about-integration.htm).
/// </summary>
public static class DefaultRole
{
    public const string PropertyName = "role";
}
