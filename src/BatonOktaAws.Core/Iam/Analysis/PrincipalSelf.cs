namespace BatonOktaAws.Core.Iam.Analysis;

/// <summary>The principal's own resources, which escalation steps may target instead of "every role/user/group".</summary>
internal sealed record PrincipalSelf(string? RoleArn, string? UserArn, IReadOnlyList<string> GroupArns);
