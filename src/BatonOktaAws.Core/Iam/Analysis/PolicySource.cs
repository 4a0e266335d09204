namespace BatonOktaAws.Core.Iam.Analysis;

/// <summary>Which policy a statement comes from, for findings a reviewer can follow back to IAM.</summary>
public sealed record PolicySource(PolicySourceKind Kind, string Name, string? Arn)
{
    /// <summary>For a user: the group through which the policy applies.</summary>
    public string? ViaGroup { get; init; }

    /// <summary>
    /// The export lacked the policy's document and the analysis used the known AWS managed document instead
    /// (only for AdministratorAccess and IAMFullAccess).
    /// </summary>
    public bool BuiltInDocument { get; init; }

    public override string ToString()
    {
        var text = Kind switch
        {
            PolicySourceKind.Inline => $"inline policy '{Name}'",
            PolicySourceKind.Boundary => $"permissions boundary {Arn}",
            _ => $"managed policy {Name} ({Arn})",
        };
        return ViaGroup is null ? text : $"{text} of group '{ViaGroup}'";
    }
}
