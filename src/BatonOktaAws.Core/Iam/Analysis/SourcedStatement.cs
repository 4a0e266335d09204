using BatonOktaAws.Core.Iam.Policies;

namespace BatonOktaAws.Core.Iam.Analysis;

/// <summary>A statement together with the policy it came from.</summary>
internal sealed record SourcedStatement(PolicyStatement Statement, PolicySource Source)
{
    public StatementReference Reference => new(Source, Statement.Index, Statement.Sid);
}
