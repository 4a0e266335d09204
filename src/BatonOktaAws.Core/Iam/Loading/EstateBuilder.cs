using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Iam.CredentialReports;

namespace BatonOktaAws.Core.Iam.Loading;

/// <summary>
/// Merges pages and files into accounts. Pages of one export hold different entities; an entity seen twice
/// (overlapping files, or the same export twice) must be identical, or the exports disagree and loading stops.
/// AWS managed policies are the same in every account and shared; of two versions, the newer one is kept.
/// </summary>
internal sealed class EstateBuilder
{
    private readonly Dictionary<AwsAccountId, AccountBuilder> _accounts = [];
    private readonly Dictionary<string, (IamManagedPolicy Policy, string File)> _awsManaged = new(StringComparer.Ordinal);
    private readonly List<string> _accountlessFinalPages = [];
    private readonly List<string> _warnings = [];

    public void Add(AuthorizationDetailsPage page, IamExportSource source)
    {
        foreach (var policy in page.Policies.Where(p => p.IsAwsManaged))
        {
            AddAwsManaged(policy, source.Path);
        }

        if (page.AccountId is not { } accountId)
        {
            // A page with only AWS managed policies (the last pages of a long export) names no account.
            if (!page.Truncated)
            {
                _accountlessFinalPages.Add(source.Path);
            }

            return;
        }

        var account = Account(accountId);
        account.Sources.Add(source);
        account.Partition ??= page.Partition;
        account.HasAuthorizationDetails = true;
        account.HasFinalPage |= !page.Truncated;
        Merge(account.Roles, page.Roles, r => r.Arn, r => r.Name, (a, b) => a.DifferenceFrom(b), "role", source.Path);
        Merge(account.Users, page.Users, u => u.Arn, u => u.Name, (a, b) => a.DifferenceFrom(b), "user", source.Path);
        Merge(account.Groups, page.Groups, g => g.Arn, g => g.Name, (a, b) => a.DifferenceFrom(b), "group", source.Path);
        Merge(account.Policies, page.Policies.Where(p => !p.IsAwsManaged).ToList(), p => p.Arn, p => p.Name, (a, b) => a.DifferenceFrom(b), "managed policy", source.Path);
    }

    public void Add(CredentialReport report, IamExportSource source)
    {
        var account = Account(report.AccountId);
        account.Sources.Add(source);
        account.Partition ??= report.Users.Select(u => u.Arn.Split(':')[1]).FirstOrDefault();
        if (account.CredentialReport is { } existing && !SameReport(existing, report))
        {
            throw new IamExportException(
                $"IAM export {source.Path}: a second credential report for account {report.AccountId} that differs from the one in {existing.SourceFile}; load one credential report per account.");
        }

        // The same report as CSV and as JSON: keep the JSON one, which knows when it was generated.
        if (account.CredentialReport is null || (account.CredentialReport.GeneratedTime is null && report.GeneratedTime is not null))
        {
            account.CredentialReport = report;
        }
    }

    public IamEstate Build()
    {
        var withDetails = _accounts.Values.Where(a => a.HasAuthorizationDetails).ToList();
        if (_accountlessFinalPages.Count > 0)
        {
            // Such a page ends an export; with one account it can only be that account's.
            if (withDetails.Count == 1)
            {
                withDetails[0].HasFinalPage = true;
            }
            else if (withDetails.Any(a => !a.HasFinalPage))
            {
                _warnings.Add($"The final page in {string.Join(", ", _accountlessFinalPages)} names no account, so it cannot complete any of the accounts with missing pages.");
            }
        }

        foreach (var account in withDetails.Where(a => !a.HasFinalPage))
        {
            _warnings.Add($"The authorization details of account {account.Id} end with IsTruncated true (or a NextToken) in every page: pages are missing, so roles, users and policies may be missing too.");
        }

        var awsManaged = _awsManaged.ToDictionary(p => p.Key, p => p.Value.Policy, StringComparer.Ordinal);
        var accounts = _accounts.Values.OrderBy(a => a.Id.Value, StringComparer.Ordinal).Select(a =>
            new IamAccount(a.Id, a.Partition ?? "aws", Ordered(a.Roles), Ordered(a.Users), Ordered(a.Groups), Ordered(a.Policies), awsManaged)
            {
                CredentialReport = a.CredentialReport,
                HasAuthorizationDetails = a.HasAuthorizationDetails,
                AuthorizationDetailsComplete = a.HasAuthorizationDetails && a.HasFinalPage,
                Sources = [.. a.Sources.DistinctBy(s => (s.Path, s.Kind))],
            }).ToList();
        return new IamEstate(accounts, [.. awsManaged.Values.OrderBy(p => p.Arn, StringComparer.Ordinal)], _warnings);
    }

    private AccountBuilder Account(AwsAccountId id)
    {
        if (!_accounts.TryGetValue(id, out var account))
        {
            _accounts[id] = account = new AccountBuilder(id);
        }

        return account;
    }

    private void AddAwsManaged(IamManagedPolicy policy, string file)
    {
        if (!_awsManaged.TryGetValue(policy.Arn, out var existing)
            || (policy.DefaultDocument is not null && existing.Policy.DefaultDocument is null)
            || (policy.UpdateDate > existing.Policy.UpdateDate && policy.DefaultDocument is not null))
        {
            _awsManaged[policy.Arn] = (policy, file);
        }
    }

    private static void Merge<T>(
        EntityMap<T> known,
        IReadOnlyList<T> incoming,
        Func<T, string> arnOf,
        Func<T, string> nameOf,
        Func<T, T, string?> difference,
        string kind,
        string file)
    {
        foreach (var entity in incoming)
        {
            var arn = arnOf(entity);
            if (known.ByArn.TryGetValue(arn, out var existing))
            {
                if (difference(existing.Entity, entity) is { } field)
                {
                    throw new IamExportException(
                        $"IAM export {file}: {kind} {arn} differs from the one in {existing.File} ({field}); these are two exports of one account taken at different times — load one.");
                }

                continue;
            }

            // IAM names are unique in an account regardless of case and path.
            if (known.ByName.TryGetValue(nameOf(entity), out var clash))
            {
                throw new IamExportException(
                    $"IAM export {file}: {kind} {arn} has the name of {clash.Arn} in {clash.File}; IAM names are unique in an account, so these are two exports taken at different times — load one.");
            }

            known.ByArn[arn] = (entity, file);
            known.ByName[nameOf(entity)] = (arn, file);
        }
    }

    private static bool SameReport(CredentialReport a, CredentialReport b) =>
        (a.GeneratedTime == b.GeneratedTime || a.GeneratedTime is null || b.GeneratedTime is null)
        && a.Users.SequenceEqual(b.Users, CredentialRowComparer.Instance);

    private static List<T> Ordered<T>(EntityMap<T> entities) =>
        [.. entities.ByArn.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Value.Entity)];

    private sealed class AccountBuilder(AwsAccountId id)
    {
        public AwsAccountId Id { get; } = id;
        public string? Partition { get; set; }
        public bool HasAuthorizationDetails { get; set; }
        public bool HasFinalPage { get; set; }
        public CredentialReport? CredentialReport { get; set; }
        public List<IamExportSource> Sources { get; } = [];
        public EntityMap<IamRole> Roles { get; } = new();
        public EntityMap<IamUser> Users { get; } = new();
        public EntityMap<IamGroup> Groups { get; } = new();
        public EntityMap<IamManagedPolicy> Policies { get; } = new();
    }

    /// <summary>Entities of one kind in one account, by ARN, and their names (unique regardless of case) to catch a renamed copy.</summary>
    private sealed class EntityMap<T>
    {
        public Dictionary<string, (T Entity, string File)> ByArn { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, (string Arn, string File)> ByName { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    private sealed class CredentialRowComparer : IEqualityComparer<CredentialReportUser>
    {
        public static readonly CredentialRowComparer Instance = new();

        public bool Equals(CredentialReportUser? x, CredentialReportUser? y) =>
            x is not null && y is not null
            && x.User == y.User && x.Arn == y.Arn && x.UserCreationTime == y.UserCreationTime
            && x.PasswordEnabled == y.PasswordEnabled && x.PasswordLastUsed == y.PasswordLastUsed && x.MfaActive == y.MfaActive
            && x.AccessKeys.SequenceEqual(y.AccessKeys);

        public int GetHashCode(CredentialReportUser obj) => obj.Arn.GetHashCode(StringComparison.Ordinal);
    }
}
