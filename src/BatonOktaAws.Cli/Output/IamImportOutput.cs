using System.Globalization;
using BatonOktaAws.Core.Iam;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Cli.Output;

/// <summary>What <c>aws-iam import</c> attached.</summary>
internal static class IamImportOutput
{
    public static void Write(TextWriter output, string file, long syncId, IamEstate estate, IReadOnlyList<WarningRecord> warnings)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(estate);
        ArgumentNullException.ThrowIfNull(warnings);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Attached the IAM exports of {estate.Accounts.Count} account(s) to sync {syncId} of {file}:"));
        foreach (var account in estate.Accounts)
        {
            var report = account.CredentialReport is null ? "no credential report" : $"credential report of {account.CredentialReport.Users.Count} user(s)";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {account.AccountId}: {account.Roles.Count} roles, {account.Users.Count} users, {report}"));
        }

        foreach (var warning in warnings)
        {
            output.WriteLine($"  warning: {warning.Message}");
        }

        output.WriteLine($"See them: baton-okta-aws roles --file {file}; baton-okta-aws findings --file {file}");
    }
}
