namespace BatonOktaAws.Core.Iam.Analysis;

/// <summary>One action an escalation method needs, and on what.</summary>
public sealed record EscalationStep(string Action, EscalationTarget Target);
