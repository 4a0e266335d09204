namespace BatonOktaAws.Core.Iam;

public enum IamExportKind
{
    /// <summary><c>aws iam get-account-authorization-details</c>, one or more pages.</summary>
    AuthorizationDetails,

    /// <summary><c>aws iam get-credential-report</c>, as JSON or as the decoded CSV.</summary>
    CredentialReport,
}
