using OktaSimulator.Model;

namespace OktaSimulator.Json;

/// <summary>
/// What <c>expand=stats</c> and <c>expand=app</c> put in a group's <c>_embedded</c> (Group schema,
/// <c>_embedded.stats</c> and <c>_embedded.app</c>, in management-minimal.yaml).
/// </summary>
internal sealed record GroupEmbeds(GroupStats? Stats, SimApp? SourceApp)
{
    public bool IsEmpty => Stats is null && SourceApp is null;
}

/// <summary><c>_embedded.stats</c>; the contract spells the last property <c>hasAdminPrivlege</c>.</summary>
internal sealed record GroupStats(int UsersCount, int AppsCount, int GroupPushMappingsCount, bool HasAdminPrivilege);
