namespace BatonOktaAws.Core.Iam.Analysis;

/// <summary>A documented way to turn a set of permissions into administrator access; every step must be allowed.</summary>
public sealed record EscalationMethod(string Name, string Description, IReadOnlyList<EscalationStep> Steps);
