namespace BatonOktaAws.Core.Iam.Analysis;

/// <summary>One statement of one policy: "inline policy 'ops' statement 1 (Sid AllowIam)".</summary>
public sealed record StatementReference(PolicySource Policy, int Index, string? Sid)
{
    public override string ToString() =>
        string.IsNullOrEmpty(Sid) ? $"{Policy} statement {Index}" : $"{Policy} statement {Index} (Sid {Sid})";
}
