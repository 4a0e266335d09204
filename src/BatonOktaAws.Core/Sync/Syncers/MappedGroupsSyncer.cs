using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Baton;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Core.Okta.Paging;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Sync.Syncers;

/// <summary>
/// The groups group-mapping apps map to roles: one list of <c>/api/v1/groups</c> (narrowed to a name prefix when
/// every app sharing it anchors its filter with that literal prefix) matched against each app's groupFilter and
/// appFilter. <c>expand=app</c> embeds an APP_GROUP's source app, which the appFilter needs, in the same request.
/// A matching group is recorded once, with a mapping per app; its members are queued once.
/// </summary>
internal sealed class MappedGroupsSyncer : ListSyncer<OktaGroup>
{
    private readonly string? _search;
    private readonly IReadOnlyList<AwsAppContext> _apps;
    private readonly GroupMemberQueue _members;

    public MappedGroupsSyncer(string? prefix, IReadOnlyList<AwsAppContext> apps, GroupMemberQueue members)
    {
        Prefix = prefix;
        _search = prefix is null ? null : $"profile.name sw \"{prefix.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
        _apps = apps;
        _members = members;
    }

    /// <summary>The literal name prefix the list is narrowed to, or null for every group of the org.</summary>
    public string? Prefix { get; }

    public override string Stream => "mapped-groups:" + (Prefix ?? "*");

    public override string Description => Prefix is null ? "all groups (for group mapping)" : $"groups named {Prefix}… (for group mapping)";

    protected override IAsyncEnumerable<OktaPage<OktaGroup>> ListAsync(OktaClient client, Uri? resumeFrom, CancellationToken cancellationToken) =>
        client.ListGroupsAsync(_search, "app", resumeFrom, cancellationToken);

    protected override void OnPageRead(IReadOnlyList<OktaGroup> items)
    {
        foreach (var group in items)
        {
            if (group.Profile?.Name is { } name && _apps.Any(app => Evaluate(app, group, name).Outcome == GroupNameOutcome.Mapped))
            {
                _members.Add(group.Id!);
            }
        }
    }

    protected override void Write(SyncBatch batch, IReadOnlyList<OktaGroup> groups)
    {
        foreach (var okta in groups)
        {
            if (okta.Profile?.Name is not { } name)
            {
                continue;
            }

            var group = SyncRecords.Group(okta);
            var recorded = false;
            foreach (var app in _apps)
            {
                var match = Evaluate(app, okta, name);
                if (match.Outcome == GroupNameOutcome.Ignored)
                {
                    // Kept as a resource so the warning, findings and reports can name the group.
                    batch.UpsertGroup(group);
                    batch.AddWarning(new WarningRecord(
                        "ignored-group-name",
                        $"Group '{OktaId.Printable(name)}' ({group.Id}) matches the groupFilter of {app.Describe()} but is ignored: {match.Reason}.",
                        app.AppId,
                        "group",
                        group.Id));
                    continue;
                }

                if (match.Outcome != GroupNameOutcome.Mapped)
                {
                    continue;
                }

                if (!recorded)
                {
                    batch.UpsertGroup(group);
                    batch.AddEntitlement(SyncRecords.Membership(group.Id, group.Name));
                    recorded = true;
                }

                var account = match.Account!.Value;
                var role = match.Role!.Value;
                batch.PutMappedGroup(new MappedGroupRecord(app.AppId, group.Id, account.Value, role.Name));
                batch.UpsertAccount(SyncRecords.Account(account));
                var entitlement = SyncRecords.Role(account, role);
                batch.AddEntitlement(entitlement);
                batch.AddGrant(SyncRecords.Grant(entitlement, ResourceType.Group, group.Id), app.AppId, GrantSource.Direct.Value);
            }
        }
    }

    /// <summary>
    /// What the app makes of the group: a name the groupFilter does not match is no match; a match from a source
    /// the appFilter leaves out is no match either (Okta maps only groups from the listed sources).
    /// </summary>
    private static GroupNameMatch Evaluate(AwsAppContext app, OktaGroup group, string name)
    {
        var match = app.Settings.GroupFilter!.Evaluate(name);
        if (match.Outcome == GroupNameOutcome.NoMatch)
        {
            return match;
        }

        var source = AwsAppFilter.SourceOf(group.Type, group.Embedded?.App?.Name);
        return app.Settings.AppFilter.Allows(source) ? match : GroupNameMatch.NoMatch;
    }
}
