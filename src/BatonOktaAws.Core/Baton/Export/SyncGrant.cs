using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Baton.Export;

/// <summary>A grant of the sync file with every reason it is held: each (app, <c>direct</c> or <c>group:&lt;id&gt;</c>) row of <c>grant_sources</c>.</summary>
public sealed record SyncGrant(GrantRecord Grant, IReadOnlyList<GrantSourceRecord> Sources);
