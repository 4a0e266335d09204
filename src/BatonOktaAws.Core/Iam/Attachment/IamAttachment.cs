using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Iam.Analysis;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Iam.Attachment;

/// <summary>
/// Attaches IAM exports to a sync: every role and user of the exported accounts (what each can do, which SAML
/// providers each role trusts), and for each role an app hands out, the IAM role AWS would give and whether it
/// trusts that app. Refuses an export of an account no synced app reaches (a wrong file is a mistake to report,
/// not data to keep) and warns about exports older than the sync.
/// </summary>
public static class IamAttachment
{
    /// <summary>An export written this long before the sync started is still "of" the sync (made by the same job).</summary>
    public static readonly TimeSpan SameRunTolerance = TimeSpan.FromHours(1);

    /// <param name="apps">The sync's AWS apps.</param>
    /// <param name="handedOut">Each (app, account, role) the apps hand out to anyone.</param>
    /// <param name="syncStartedAt">When the sync started, to tell old exports.</param>
    /// <exception cref="IamExportException">An export is of an account no synced app reaches; the message names its file.</exception>
    public static IReadOnlyList<WarningRecord> Write(
        SyncBatch batch,
        IamEstate estate,
        IReadOnlyList<AwsAppRecord> apps,
        IReadOnlyList<(string AppId, string AccountId, string Role)> handedOut,
        DateTimeOffset syncStartedAt)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(estate);
        ArgumentNullException.ThrowIfNull(apps);
        ArgumentNullException.ThrowIfNull(handedOut);
        var reached = apps.Select(a => a.AccountId).OfType<string>().Concat(handedOut.Select(h => h.AccountId)).ToHashSet(StringComparer.Ordinal);
        foreach (var account in estate.Accounts.Where(a => !reached.Contains(a.AccountId.Value)))
        {
            var file = account.Sources.Count > 0 ? account.Sources[0].Path : account.CredentialReport?.SourceFile ?? "(unknown file)";
            throw new IamExportException($"{file}: the IAM export is of account {account.AccountId}, which none of the synced AWS apps reaches ({string.Join(", ", reached.Order(StringComparer.Ordinal))}); leave it out, or sync the app that reaches it.");
        }

        batch.ClearIam();
        var warnings = estate.Warnings.Select(w => new WarningRecord("iam-export-warning", w)).ToList();
        foreach (var account in estate.Accounts)
        {
            WriteAccount(batch, account, syncStartedAt, warnings);
        }

        var appsById = apps.ToDictionary(a => a.AppId, StringComparer.Ordinal);
        foreach (var (appId, accountText, role) in handedOut)
        {
            if (!appsById.TryGetValue(appId, out var app) || !AwsAccountId.TryParse(accountText, out var account))
            {
                continue;
            }

            batch.PutRoleStatus(Status(app, account.Value, role, estate.Account(account.Value)));
        }

        foreach (var warning in warnings)
        {
            batch.AddWarning(warning);
        }

        return warnings;
    }

    /// <summary>The SAML provider an app's users come from in an account: its identityProviderArn, or the role value pattern's provider for group mapping.</summary>
    public static string? ProviderArn(AwsAppRecord app, AwsAccountId account)
    {
        ArgumentNullException.ThrowIfNull(app);
        return !app.UseGroupMapping && app.IdentityProviderArn is { } arn ? arn : OktaRoleValuePattern.ProviderArn(app.RoleValuePattern, account);
    }

    private static void WriteAccount(SyncBatch batch, IamAccount account, DateTimeOffset syncStartedAt, List<WarningRecord> warnings)
    {
        var id = account.AccountId.Value;
        foreach (var source in account.Sources)
        {
            var exportedAt = source.Kind == IamExportKind.CredentialReport && account.CredentialReport?.GeneratedTime is { } generated ? generated : source.ModifiedAt;
            var complete = source.Kind != IamExportKind.AuthorizationDetails || account.AuthorizationDetailsComplete;
            batch.PutIamExport(new IamExportRecord(id, Kind(source.Kind), source.Path, exportedAt, complete));
            if (exportedAt < syncStartedAt - SameRunTolerance)
            {
                warnings.Add(new WarningRecord(
                    "iam-export-older-than-sync",
                    $"The IAM export {source.Path} of account {id} is from {Stamp(exportedAt)}, older than the sync ({Stamp(syncStartedAt)}): roles and users may have changed since; export again.",
                    null,
                    "account",
                    id));
            }
        }

        if (account.HasAuthorizationDetails && !account.AuthorizationDetailsComplete)
        {
            warnings.Add(new WarningRecord("iam-export-incomplete", $"The authorization details of account {id} are missing pages: a role not found there may still exist (export again without --max-items).", null, "account", id));
        }

        foreach (var role in account.Roles)
        {
            var analysis = account.AnalyzeRole(role);
            batch.PutIamRole(new IamRoleRecord(
                id,
                role.Name,
                role.Arn,
                role.Path,
                role.LastUsed?.LastUsedDate,
                [.. role.AttachedPolicies.Select(p => new IamPolicyRef(p.Name, p.Arn))],
                [.. role.InlinePolicies.Select(p => p.Name)],
                role.PermissionsBoundaryArn,
                analysis.Admin.IsAdminEquivalent,
                [.. analysis.Admin.Reasons.Select(r => r.Description)],
                analysis.Admin.IsComplete,
                [.. analysis.SamlProviders.Where(p => p.IsTrusted).Select(p => p.ProviderArn)]));
        }

        foreach (var user in account.AnalyzeUsers())
        {
            var credentials = user.Credentials;
            batch.PutIamUser(new IamUserRecord(
                id,
                user.Name,
                user.Arn,
                user.IsRoot,
                credentials?.PasswordEnabled,
                credentials?.PasswordLastUsed,
                credentials?.MfaActive,
                credentials?.ActiveAccessKeys.Count,
                credentials?.ActiveAccessKeys.Select(k => k.LastUsedDate).Max(),
                user.IsRoot ? true : user.Admin?.IsAdminEquivalent));
        }
    }

    private static RoleStatusRecord Status(AwsAppRecord app, AwsAccountId account, string role, IamAccount? export)
    {
        var provider = ProviderArn(app, account);
        if (export is null)
        {
            return new RoleStatusRecord(app.AppId, account.Value, role, "unknown", null, OktaRoleValuePattern.RoleArn(app.RoleValuePattern, account, role), provider, "unknown", [$"No IAM export was attached for account {account}."]);
        }

        var lookup = export.LookupRole(role, app.RoleValuePattern);
        var status = lookup.Status switch
        {
            RoleLookupStatus.Found => "found",
            RoleLookupStatus.FoundArnDiffers => "found-arn-differs",
            RoleLookupStatus.NotFound => "not-found",
            _ => "unknown",
        };
        var notes = lookup.Notes.ToList();
        var trust = "unknown";
        if (lookup.Analysis is { } analysis && provider is not null)
        {
            var verdict = analysis.TrustsSamlProvider(provider);
            trust = verdict.Status switch
            {
                SamlTrustStatus.Trusted => "trusted",
                SamlTrustStatus.Denied => "denied",
                _ => "not-trusted",
            };
            if (verdict.DeniedBy is { } denied)
            {
                notes.Add($"The trust policy denies {provider}: {denied}.");
            }

            notes.AddRange(verdict.Conditions.Select(c => $"Trust condition (not evaluated): {c}."));
        }
        else if (provider is null)
        {
            notes.Add("The app names no SAML provider for this account (no identityProviderArn, no provider in the role value pattern).");
        }

        return new RoleStatusRecord(app.AppId, account.Value, role, status, lookup.Analysis?.Arn, lookup.ExpectedArn, provider, trust, notes);
    }

    private static string Kind(IamExportKind kind) => kind == IamExportKind.CredentialReport ? "credential-report" : "authorization-details";

    private static string Stamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
