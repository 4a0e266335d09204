using BatonOktaAws.Core.Iam.Policies;

namespace BatonOktaAws.Core.Iam;

/// <summary>
/// One entry of <c>Policies</c>: a customer managed policy of the account, or an AWS managed policy
/// (<c>arn:aws:iam::aws:policy/...</c>) that something in the account uses.
/// </summary>
public sealed record IamManagedPolicy
{
    public required string Arn { get; init; }
    public required string Name { get; init; }
    public string Path { get; init; } = "/";
    public string? PolicyId { get; init; }
    public string? DefaultVersionId { get; init; }
    public DateTimeOffset? CreateDate { get; init; }
    public DateTimeOffset? UpdateDate { get; init; }

    /// <summary>The document of the default version — the one in force; null when the export lacks it.</summary>
    public PolicyDocument? DefaultDocument { get; init; }

    public bool IsAwsManaged => IamArn.IsAwsManagedPolicy(Arn);

    internal string? DifferenceFrom(IamManagedPolicy other)
    {
        return PolicyId != other.PolicyId ? "PolicyId"
            : Path != other.Path ? "Path"
            : DefaultVersionId != other.DefaultVersionId ? "DefaultVersionId"
            : DefaultDocument?.CanonicalJson != other.DefaultDocument?.CanonicalJson ? "PolicyVersionList (default version document)"
            : UpdateDate != other.UpdateDate ? "UpdateDate"
            : null;
    }
}
