using BatonOktaAws.Core.Iam.Policies;

namespace BatonOktaAws.Core.Iam;

/// <summary>An inline policy (<c>RolePolicyList</c>, <c>UserPolicyList</c>, <c>GroupPolicyList</c>).</summary>
public sealed record InlinePolicy(string Name, PolicyDocument Document);
