namespace BatonOktaAws.Core.Iam.Policies;

/// <summary>
/// A parsed IAM policy document. <see cref="CanonicalJson"/> is the document re-written compactly, so two exports
/// of one policy compare equal whether the policy came URL-encoded (API, SDKs) or as a JSON object (AWS CLI).
/// </summary>
public sealed record PolicyDocument(string? Version, IReadOnlyList<PolicyStatement> Statements, string CanonicalJson);
