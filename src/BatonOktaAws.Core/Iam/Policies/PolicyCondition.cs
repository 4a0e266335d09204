namespace BatonOktaAws.Core.Iam.Policies;

/// <summary>One condition of a statement, e.g. <c>StringEquals</c> <c>SAML:aud</c> = <c>https://signin.aws.amazon.com/saml</c>. Reported, never evaluated.</summary>
public sealed record PolicyCondition(string Operator, string Key, IReadOnlyList<string> Values)
{
    public override string ToString() => $"{Operator} {Key} = [{string.Join(", ", Values)}]";
}
