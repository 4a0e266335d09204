namespace BatonOktaAws.Core.Iam.Analysis;

public enum AdminReasonKind
{
    /// <summary>The AWS managed policy AdministratorAccess is attached.</summary>
    AdministratorAccessAttached,

    /// <summary>The AWS managed policy IAMFullAccess is attached.</summary>
    IamFullAccessAttached,

    /// <summary>Some other policy allows every action (<c>*</c>) on every resource.</summary>
    AllActions,

    /// <summary>Some other policy allows every IAM action (<c>iam:*</c>) on every resource.</summary>
    AllIamActions,

    /// <summary>The permissions of a documented privilege-escalation method.</summary>
    PrivilegeEscalation,
}
