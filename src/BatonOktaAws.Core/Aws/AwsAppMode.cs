namespace BatonOktaAws.Core.Aws;

/// <summary>How the Okta AWS app decides who may assume which role.</summary>
public enum AwsAppMode
{
    /// <summary>One account (from <c>identityProviderArn</c>); roles are the <c>samlRoles</c> on assignments.</summary>
    SingleAccount,

    /// <summary><c>useGroupMapping</c>: accounts and roles come from group names matching <c>groupFilter</c>.</summary>
    GroupMapping,
}
