namespace BatonOktaAws.Store.C1z;

/// <summary>A sync run recorded in a c1z. Times are the writer's local wall clock, as Baton stores them (no zone).</summary>
/// <param name="Type">Baton's sync type: <c>full</c>, <c>partial</c>, <c>resources_only</c>, ...</param>
public sealed record C1zSyncRun(string Id, string Type, DateTime? StartedAt, DateTime? EndedAt)
{
    public bool IsFinished => EndedAt is not null;
}
