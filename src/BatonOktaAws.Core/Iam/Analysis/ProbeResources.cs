namespace BatonOktaAws.Core.Iam.Analysis;

/// <summary>
/// Made-up ARNs in the principal's account: a statement whose Resource matches one of them matches every
/// resource of that kind (<c>*</c>, <c>arn:aws:iam::123456789012:role/*</c>), because no real resource has
/// these names. Pinned grants (<c>role/app-*</c>, one policy's ARN) do not match them.
/// </summary>
internal sealed class ProbeResources(string partition, string account)
{
    private const string Name = "baton-okta-aws-probe";

    /// <summary>Any resource of any service.</summary>
    public string Anything => $"arn:{partition}:{Name}:{Name}:{account}:{Name}";

    /// <summary>Any IAM resource.</summary>
    public string AnyIam => $"arn:{partition}:iam::{account}:{Name}/{Name}";

    public string Role => Iam("role");
    public string User => Iam("user");
    public string Group => Iam("group");
    public string Policy => Iam("policy");

    /// <summary>Any resource of the action's service, for Denies that would cancel a "some resource" grant.</summary>
    public string AnyOfService(string action) => $"arn:{partition}:{action.Split(':')[0].ToLowerInvariant()}:{Name}:{account}:{Name}";

    private string Iam(string type) => $"arn:{partition}:iam::{account}:{type}/{Name}/{Name}";
}
