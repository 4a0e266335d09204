namespace BatonOktaAws.Core.Iam.Policies;

public enum PolicyEffect
{
    Allow,
    Deny,
}
