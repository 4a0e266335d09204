namespace BatonOktaAws.Core.Iam.Analysis;

public enum SamlTrustStatus
{
    /// <summary>An Allow statement lets the provider's users call sts:AssumeRoleWithSAML, and no unconditional Deny stops it.</summary>
    Trusted,

    /// <summary>No Allow statement names the provider (or everyone) for sts:AssumeRoleWithSAML.</summary>
    NotTrusted,

    /// <summary>An Allow exists, but an unconditional Deny takes it away.</summary>
    Denied,
}
