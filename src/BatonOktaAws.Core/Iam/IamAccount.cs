using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Iam.Analysis;
using BatonOktaAws.Core.Iam.CredentialReports;

namespace BatonOktaAws.Core.Iam;

/// <summary>
/// One AWS account as its exports describe it: roles, users, groups and customer managed policies from the
/// authorization details, and the credential report. Analyses are computed on request.
/// </summary>
public sealed class IamAccount
{
    private readonly IReadOnlyDictionary<string, IamManagedPolicy> _awsManagedPolicies;
    private readonly Dictionary<string, IamManagedPolicy> _customerPolicies;
    private readonly Dictionary<string, IamRole> _rolesByName;
    private readonly Dictionary<string, IamUser> _usersByName;
    private readonly Dictionary<string, IamGroup> _groupsByName;

    internal IamAccount(
        AwsAccountId accountId,
        string partition,
        IReadOnlyList<IamRole> roles,
        IReadOnlyList<IamUser> users,
        IReadOnlyList<IamGroup> groups,
        IReadOnlyList<IamManagedPolicy> customerManagedPolicies,
        IReadOnlyDictionary<string, IamManagedPolicy> awsManagedPolicies)
    {
        AccountId = accountId;
        Partition = partition;
        Roles = roles;
        Users = users;
        Groups = groups;
        CustomerManagedPolicies = customerManagedPolicies;
        _awsManagedPolicies = awsManagedPolicies;
        _customerPolicies = customerManagedPolicies.ToDictionary(p => p.Arn, StringComparer.Ordinal);

        // IAM names are unique in an account regardless of case (the loader refuses exports that break this).
        _rolesByName = roles.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
        _usersByName = users.ToDictionary(u => u.Name, StringComparer.OrdinalIgnoreCase);
        _groupsByName = groups.ToDictionary(g => g.Name, StringComparer.OrdinalIgnoreCase);
    }

    public AwsAccountId AccountId { get; }

    /// <summary><c>aws</c>, <c>aws-cn</c> or <c>aws-us-gov</c>, from the ARNs.</summary>
    public string Partition { get; }

    public IReadOnlyList<IamRole> Roles { get; }
    public IReadOnlyList<IamUser> Users { get; }
    public IReadOnlyList<IamGroup> Groups { get; }
    public IReadOnlyList<IamManagedPolicy> CustomerManagedPolicies { get; }

    /// <summary>The credential report, when one was loaded for this account.</summary>
    public CredentialReport? CredentialReport { get; internal init; }

    /// <summary>Some authorization details were loaded for this account.</summary>
    public bool HasAuthorizationDetails { get; internal init; }

    /// <summary>
    /// The authorization details are whole: at least one page was not truncated (<c>IsTruncated</c> false or absent,
    /// no <c>NextToken</c>). When false, a role missing here may still exist.
    /// </summary>
    public bool AuthorizationDetailsComplete { get; internal init; }

    /// <summary>The files this account was read from.</summary>
    public IReadOnlyList<IamExportSource> Sources { get; internal init; } = [];

    /// <summary>
    /// The newest date inside the authorization details (any CreateDate, UpdateDate or RoleLastUsed): the export was
    /// taken no earlier. The export itself carries no date.
    /// </summary>
    public DateTimeOffset? AuthorizationDetailsNoEarlierThan =>
        Roles.SelectMany(r => new[] { r.CreateDate, r.LastUsed?.LastUsedDate })
            .Concat(Users.Select(u => u.CreateDate))
            .Concat(Groups.Select(g => g.CreateDate))
            .Concat(CustomerManagedPolicies.SelectMany(p => new[] { p.CreateDate, p.UpdateDate }))
            .Where(d => d is not null)
            .Max();

    /// <summary>The latest modification time of the authorization-details files: when the export was written, unless the files were copied since.</summary>
    public DateTimeOffset? AuthorizationDetailsWrittenAt =>
        Sources.Where(s => s.Kind == IamExportKind.AuthorizationDetails).Select(s => (DateTimeOffset?)s.ModifiedAt).Max();

    /// <summary>A role by name; IAM role names are unique in an account regardless of case.</summary>
    public IamRole? FindRole(string roleName) => _rolesByName.GetValueOrDefault(roleName);

    public IamUser? FindUser(string userName) => _usersByName.GetValueOrDefault(userName);

    public IamGroup? FindGroup(string groupName) => _groupsByName.GetValueOrDefault(groupName);

    /// <summary>A managed policy by ARN: the account's own, or an AWS managed one from any export in the estate.</summary>
    public IamManagedPolicy? FindPolicy(string arn) =>
        _customerPolicies.GetValueOrDefault(arn) ?? _awsManagedPolicies.GetValueOrDefault(arn);

    public RoleAnalysis AnalyzeRole(IamRole role)
    {
        ArgumentNullException.ThrowIfNull(role);
        var policies = PrincipalPolicies.ForRole(role, FindPolicy);
        return new RoleAnalysis
        {
            AccountId = AccountId,
            Arn = role.Arn,
            Name = role.Name,
            Path = role.Path,
            RoleId = role.RoleId,
            CreateDate = role.CreateDate,
            LastUsed = role.LastUsed,
            AttachedPolicies = role.AttachedPolicies,
            InlinePolicyNames = [.. role.InlinePolicies.Select(p => p.Name)],
            PermissionsBoundaryArn = role.PermissionsBoundaryArn,
            Admin = new AdminEquivalenceEvaluator(policies, Partition, AccountId.Value, new PrincipalSelf(role.Arn, null, [])).Evaluate(),
            SamlProviders = [.. SamlTrustEvaluator.ReferencedProviders(role.TrustPolicy).Select(p => SamlTrustEvaluator.Evaluate(role.TrustPolicy, p))],
            TrustPolicy = role.TrustPolicy,
        };
    }

    /// <summary>
    /// Finds the role Okta hands out by its name and compares its ARN with the one Okta sends
    /// (<see cref="OktaRoleValuePattern"/>; null means Okta's default pattern, which has no path).
    /// </summary>
    public RoleLookup LookupRole(string roleName, string? roleValuePattern = null)
    {
        ArgumentNullException.ThrowIfNull(roleName);
        var expected = OktaRoleValuePattern.RoleArn(roleValuePattern, AccountId, roleName);
        var lookup = new RoleLookup { AccountId = AccountId, RoleName = roleName, ExpectedArn = expected, Status = RoleLookupStatus.Unknown };
        if (!HasAuthorizationDetails)
        {
            return lookup with { Notes = [$"No get-account-authorization-details export was loaded for account {AccountId}."] };
        }

        if (FindRole(roleName) is not { } role)
        {
            return AuthorizationDetailsComplete
                ? lookup with { Status = RoleLookupStatus.NotFound, Notes = [$"Account {AccountId} has no role named '{roleName}'."] }
                : lookup with { Notes = [$"No role named '{roleName}' in the pages loaded for account {AccountId}, but the export is missing pages."] };
        }

        var analysis = AnalyzeRole(role);
        if (string.Equals(role.Arn, expected, StringComparison.Ordinal))
        {
            return lookup with { Status = RoleLookupStatus.Found, Analysis = analysis };
        }

        var notes = new List<string>();
        if (role.Path != "/")
        {
            notes.Add($"The role has the path {role.Path}, so its ARN is {role.Arn}; Okta sends {expected}.");
        }

        if (!string.Equals(role.Name, roleName, StringComparison.Ordinal))
        {
            notes.Add($"The role is named '{role.Name}'; Okta has '{roleName}' (IAM names ignore case, ARNs in a SAML assertion may not).");
        }

        if (notes.Count == 0)
        {
            notes.Add($"The role's ARN is {role.Arn}; Okta sends {expected}.");
        }

        return lookup with { Status = RoleLookupStatus.FoundArnDiffers, Analysis = analysis, Notes = notes };
    }

    /// <summary>Every SAML provider the account's trust policies name, with the roles that trust it.</summary>
    public IReadOnlyList<SamlProviderTrust> SamlProviders()
    {
        var byProvider = new Dictionary<string, List<IamRole>>(StringComparer.OrdinalIgnoreCase);
        foreach (var role in Roles)
        {
            foreach (var provider in SamlTrustEvaluator.ReferencedProviders(role.TrustPolicy))
            {
                if (!byProvider.TryGetValue(provider, out var roles))
                {
                    byProvider[provider] = roles = [];
                }

                if (SamlTrustEvaluator.Evaluate(role.TrustPolicy, provider).IsTrusted)
                {
                    roles.Add(role);
                }
            }
        }

        return [.. byProvider.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new SamlProviderTrust(p.Key, p.Value))];
    }

    /// <summary>Every user the credential report or the authorization details know, root first.</summary>
    public IReadOnlyList<UserAnalysis> AnalyzeUsers()
    {
        var rows = CredentialReport?.Users ?? [];
        var result = new List<UserAnalysis>();
        foreach (var row in rows.OrderBy(r => r.IsRoot ? 0 : 1).ThenBy(r => r.User, StringComparer.Ordinal))
        {
            var user = row.IsRoot ? null : FindUser(row.User);
            result.Add(Analyze(user, row) with { Name = row.User, Arn = row.Arn, IsRoot = row.IsRoot });
        }

        foreach (var user in Users.Where(u => rows.All(r => r.IsRoot || !string.Equals(r.User, u.Name, StringComparison.OrdinalIgnoreCase))))
        {
            result.Add(Analyze(user, null));
        }

        return result;
    }

    private UserAnalysis Analyze(IamUser? user, CredentialReportUser? row)
    {
        AdminEquivalence? admin = null;
        if (user is not null)
        {
            var policies = PrincipalPolicies.ForUser(user, FindPolicy, FindGroup);
            var groupArns = user.GroupNames.Select(FindGroup).Where(g => g is not null).Select(g => g!.Arn).ToList();
            admin = new AdminEquivalenceEvaluator(policies, Partition, AccountId.Value, new PrincipalSelf(null, user.Arn, groupArns)).Evaluate();
        }

        return new UserAnalysis
        {
            AccountId = AccountId,
            Name = user?.Name ?? row!.User,
            Arn = user?.Arn ?? row!.Arn,
            Credentials = row,
            Admin = admin,
            GroupNames = user?.GroupNames ?? [],
        };
    }
}
