namespace BatonOktaAws.Core.Iam;

/// <summary>A managed policy attached to a role, user or group (<c>AttachedManagedPolicies</c>).</summary>
public sealed record AttachedPolicy(string Name, string Arn)
{
    /// <summary>AWS managed policies have the account field <c>aws</c>: <c>arn:aws:iam::aws:policy/AdministratorAccess</c>.</summary>
    public bool IsAwsManaged => IamArn.IsAwsManagedPolicy(Arn);
}
