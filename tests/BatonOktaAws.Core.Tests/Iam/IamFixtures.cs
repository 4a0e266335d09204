using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Iam;

namespace BatonOktaAws.Core.Tests.Iam;

/// <summary>
/// The IAM export fixtures (Iam/Fixtures, copied next to the tests). Account 123456789012 is exported by the AWS
/// CLI (policy documents as JSON objects), account 210987654321 by an SDK (URL-encoded documents).
/// </summary>
internal static class IamFixtures
{
    public static readonly AwsAccountId AccountA = AwsAccountId.Parse("123456789012");
    public static readonly AwsAccountId AccountB = AwsAccountId.Parse("210987654321");
    public const string OktaProviderA = "arn:aws:iam::123456789012:saml-provider/Okta";
    public const string OktaProviderB = "arn:aws:iam::210987654321:saml-provider/Okta";

    private static readonly Lazy<IamEstate> LoadedEstate = new(() => IamExportLoader.Load(Path("estate")));

    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([AppContext.BaseDirectory, "Iam", "Fixtures", .. parts]);

    /// <summary>The two-account estate, loaded once (loading is deterministic and the estate immutable).</summary>
    public static IamEstate Estate => LoadedEstate.Value;

    public static IamAccount A => Estate.Account(AccountA)!;
    public static IamAccount B => Estate.Account(AccountB)!;

    public static IamRole Role(IamAccount account, string name) =>
        account.FindRole(name) ?? throw new InvalidOperationException($"The fixture has no role {name} in {account.AccountId}.");
}
