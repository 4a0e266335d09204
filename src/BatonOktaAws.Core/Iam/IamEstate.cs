using BatonOktaAws.Core.Aws;

namespace BatonOktaAws.Core.Iam;

/// <summary>Everything the IAM exports describe: the accounts, and what the loader had to warn about.</summary>
public sealed class IamEstate
{
    internal IamEstate(IReadOnlyList<IamAccount> accounts, IReadOnlyList<IamManagedPolicy> awsManagedPolicies, IReadOnlyList<string> warnings)
    {
        Accounts = accounts;
        AwsManagedPolicies = awsManagedPolicies;
        Warnings = warnings;
    }

    /// <summary>The accounts, ordered by id.</summary>
    public IReadOnlyList<IamAccount> Accounts { get; }

    /// <summary>AWS managed policies found in any export; they are the same in every account.</summary>
    public IReadOnlyList<IamManagedPolicy> AwsManagedPolicies { get; }

    /// <summary>One sentence each: missing pages, pages that could not be tied to an account.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public IamAccount? Account(AwsAccountId accountId) => Accounts.FirstOrDefault(a => a.AccountId == accountId);
}
