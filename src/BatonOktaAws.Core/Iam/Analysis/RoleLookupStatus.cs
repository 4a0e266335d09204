namespace BatonOktaAws.Core.Iam.Analysis;

public enum RoleLookupStatus
{
    /// <summary>A role of that name exists and its ARN is the one Okta sends.</summary>
    Found,

    /// <summary>A role of that name exists but its ARN differs from the one Okta sends (a path, the case, the partition): SAML sign-in into it fails.</summary>
    FoundArnDiffers,

    /// <summary>The account's export is complete and has no role of that name.</summary>
    NotFound,

    /// <summary>Cannot tell: no authorization details for the account, or its export is missing pages.</summary>
    Unknown,
}
