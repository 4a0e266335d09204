using System.Text.Json;
using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Models;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Provisioning;

/// <summary>
/// Which AWS app an <c>account:&lt;accountId&gt;:&lt;role&gt;</c> change goes to. The apps of the selection are found
/// once per run (for <c>all</c>, one apps-list request) and only when a change needs an app; a change goes to the
/// app its line names, else to the one single-account app whose <c>identityProviderArn</c> names the account.
/// Two such apps: refused, naming both. None, but a group-mapping app in the selection: refused, naming the
/// groups whose membership gives the role (from a sync file). Only a chosen app is read further (user schema,
/// role list), once.
/// </summary>
internal sealed class AppResolver
{
    /// <summary>How many apps a refusal lists before it says "and N more".</summary>
    private const int Listed = 10;

    private readonly OktaClient _client;
    private readonly ProvisioningOptions _options;
    private readonly Dictionary<string, Candidate> _outsideTheList = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AwsAppContext> _loaded = new(StringComparer.Ordinal);
    private List<Candidate>? _candidates;

    public AppResolver(OktaClient client, ProvisioningOptions options)
    {
        _client = client;
        _options = options;
    }

    /// <summary>The app an <c>account:</c> change goes to, and what is worth a warning about it.</summary>
    /// <exception cref="ProvisioningException">No app, or more than one, can take the change; the message says what to do.</exception>
    /// <exception cref="AwsAppException">The app the change names is missing, not an AWS app, or misconfigured.</exception>
    public async Task<(AwsAppContext App, List<string> Warnings)> ResolveAsync(ProvisioningChange change, CancellationToken cancellationToken)
    {
        var candidates = await CandidatesAsync(cancellationToken).ConfigureAwait(false);
        var account = change.Entitlement.ResourceId;
        if (change.AppId is { } named)
        {
            var candidate = candidates.FirstOrDefault(c => c.Id == named) ?? await OutsideTheListAsync(change, named, cancellationToken).ConfigureAwait(false);
            return await UseAsync(candidate, change, [], cancellationToken).ConfigureAwait(false);
        }

        var serving = candidates.Where(c => c.Settings is { Mode: AwsAppMode.SingleAccount } s && s.AccountId?.Value == account).ToList();
        if (serving.Count == 1)
        {
            var unknown = candidates
                .Where(c => c.Settings is null)
                .Select(c => $"App {c.Describe()} could not be read ({c.Problem}), so whether it also serves account {account} is not known.")
                .ToList();
            return await UseAsync(serving[0], change, unknown, cancellationToken).ConfigureAwait(false);
        }

        if (serving.Count > 1)
        {
            throw new ProvisioningException(
                $"{change.Entitlement}: account {account} is served by {serving.Count} AWS apps, {List(serving.Select(c => c.Describe()))}; " +
                "name the one to change with --aws-okta-app-id <app-id> (or in the change file's app column).");
        }

        var mapping = candidates.Where(c => c.Settings is { Mode: AwsAppMode.GroupMapping }).ToList();
        if (mapping.Count > 0)
        {
            throw new ProvisioningException(GroupMappingRefusal(change, mapping, $"no single-account AWS app in this run serves account {account}, and ") + InactiveHint);
        }

        throw new ProvisioningException(NoneServes(change, candidates));
    }

    /// <summary>The apps of the selection, found once.</summary>
    private async Task<List<Candidate>> CandidatesAsync(CancellationToken cancellationToken)
    {
        if (_candidates is null)
        {
            var (apps, warnings) = await AwsAppLoader.DiscoverAsync(_client, _options.Apps, cancellationToken).ConfigureAwait(false);
            _candidates = [.. apps.Select(a => Candidate.Of(a, warnings))];
        }

        return _candidates;
    }

    /// <summary>
    /// An app a line names that the selection's list does not hold. With <c>all</c> that is an INACTIVE app (left
    /// out of the list) or not an AWS app at all: read it by id, so Okta says which. With named ids it was left out
    /// on purpose: refused.
    /// </summary>
    private async Task<Candidate> OutsideTheListAsync(ProvisioningChange change, string appId, CancellationToken cancellationToken)
    {
        if (!_options.Apps.All)
        {
            throw new ProvisioningException(
                $"{change.Entitlement}: the line names app {appId}, but --aws-okta-app-id limits this run to {_options.Apps}; add it there, or leave the line's app empty.");
        }

        if (!_outsideTheList.TryGetValue(appId, out var candidate))
        {
            var (apps, warnings) = await AwsAppLoader.DiscoverAsync(_client, AppSelection.Of(appId), cancellationToken).ConfigureAwait(false);
            candidate = Candidate.Of(apps[0], warnings);
            _outsideTheList[appId] = candidate;
        }

        return candidate;
    }

    private async Task<(AwsAppContext App, List<string> Warnings)> UseAsync(Candidate candidate, ProvisioningChange change, List<string> warnings, CancellationToken cancellationToken)
    {
        if (!_loaded.TryGetValue(candidate.Id, out var app))
        {
            app = await AwsAppLoader.LoadAsync(_client, candidate.App, cancellationToken).ConfigureAwait(false);
            _loaded[candidate.Id] = app;
        }

        if (app.Settings.Mode == AwsAppMode.GroupMapping)
        {
            throw new ProvisioningException(GroupMappingRefusal(change, [candidate], string.Empty));
        }

        var account = change.Entitlement.ResourceId;
        if (app.Settings.AccountId?.Value != account)
        {
            throw new ProvisioningException($"{change.Entitlement}: the AWS app {app.Describe()} is for account {app.Settings.AccountId}, not {account}.");
        }

        return (app, [.. candidate.Warnings, .. warnings]);
    }

    /// <summary>With <c>all</c>, where an account's app may be: INACTIVE apps are not in the list.</summary>
    private string InactiveHint => _options.Apps.All ? " INACTIVE apps are left out of 'all'; name one with --aws-okta-app-id to change it." : string.Empty;

    private string NoneServes(ProvisioningChange change, List<Candidate> candidates)
    {
        var account = change.Entitlement.ResourceId;
        var inactive = InactiveHint;
        if (candidates is [{ Settings: { } only } single])
        {
            return $"{change.Entitlement}: the AWS app {single.Describe()} is for account {only.AccountId}, not {account}.{inactive}";
        }

        var what = candidates.Select(c => c.Settings is { } s ? $"{c.Describe()} is for account {s.AccountId}" : $"{c.Describe()} could not be read ({c.Problem})");
        return $"{change.Entitlement}: no AWS app in this run serves account {account} ({List(what, "; ")}).{inactive}";
    }

    /// <param name="lead">Text between the entitlement and the refusal proper ("no single-account app ..., and ").</param>
    private string GroupMappingRefusal(ProvisioningChange change, List<Candidate> mapping, string lead)
    {
        var account = change.Entitlement.ResourceId;
        var role = change.Entitlement.Slug;
        var (verb, verbed) = change.Action == ChangeAction.Grant ? ("Grant", "granted") : ("Revoke", "revoked");
        var apps = mapping.Count == 1
            ? $"the AWS app {mapping[0].Describe()} uses group mapping"
            : $"the AWS apps {List(mapping.Select(c => c.Describe()))} use group mapping";
        var prefix = $"{change.Entitlement}: {lead}{apps}: account and role come from group names, so account:{account}:{role} cannot be {verbed} directly.";
        var path = _options.SyncFilePath;
        if (path is null || !File.Exists(path))
        {
            return $"{prefix} {verb} group:<groupId>:member of a group whose name maps to it (pass --file with a recent sync file to list them).";
        }

        try
        {
            var groups = MappedGroups(path, [.. mapping.Select(c => c.Id)], account, role);
            var labels = mapping.ToDictionary(c => c.Id, c => c.Describe(), StringComparer.Ordinal);
            return groups.Count == 0
                ? $"{prefix} The sync file {path} knows no group that maps to it; create one whose name matches the app's groupFilter."
                : $"{prefix} {verb} membership of {string.Join(" or ", groups.Select(g => mapping.Count == 1 ? $"group:{g.Group.GroupId}:member ('{g.Name}')" : $"group:{g.Group.GroupId}:member ('{g.Name}', app {labels[g.Group.AppId]})"))} instead.";
        }
        catch (SyncFileException ex)
        {
            return $"{prefix} {verb} group:<groupId>:member of a group whose name maps to it ({ex.Message})";
        }
    }

    /// <summary>
    /// The groups whose names map to the account and role in these apps, each app as its newest sync in the file saw
    /// it (a file keeps several syncs, not all of every app).
    /// </summary>
    private static List<(MappedGroupRecord Group, string Name)> MappedGroups(string path, HashSet<string> appIds, string account, string role)
    {
        using var reader = SyncFileReader.Open(path);
        var found = new List<(MappedGroupRecord Group, string Name)>();
        foreach (var run in reader.Syncs())
        {
            if (appIds.Count == 0)
            {
                break;
            }

            var view = reader.Sync(run.Id);
            var covered = view.Apps().Select(a => a.AppId).Where(appIds.Contains).ToHashSet(StringComparer.Ordinal);
            if (covered.Count == 0)
            {
                continue;
            }

            found.AddRange(view.MappedGroupsGranting(account, role).Where(g => covered.Contains(g.Group.AppId)));
            appIds.ExceptWith(covered);
        }

        return found;
    }

    private static string List(IEnumerable<string> items, string separator = ", ")
    {
        var all = items.ToList();
        var shown = all.Take(Listed).ToList();
        var more = all.Count > Listed ? $"{separator}and {all.Count - Listed} more" : string.Empty;
        return shown.Count == 2 && separator == ", " ? $"{shown[0]} and {shown[1]}" : string.Join(separator, shown) + more;
    }

    /// <summary>An app of the selection with its settings as far as they can be read without another request.</summary>
    private sealed record Candidate(OktaApplication App, AwsAppSettings? Settings, string? Problem, IReadOnlyList<string> Warnings)
    {
        public string Id => App.Id!;

        public string Describe() => new AppRef(Id, string.IsNullOrWhiteSpace(App.Label) ? Id : App.Label).ToString();

        public static Candidate Of(OktaApplication app, IReadOnlyList<WarningRecord> discovery)
        {
            var warnings = discovery.Where(w => w.AppId == app.Id).Select(w => w.Message).ToList();
            if (app.Settings?.App is not { ValueKind: JsonValueKind.Object } settings)
            {
                return new Candidate(app, null, "it has no settings.app object", warnings);
            }

            try
            {
                return new Candidate(app, AwsAppSettings.Parse(settings, app.Id!), null, warnings);
            }
            catch (FormatException ex)
            {
                return new Candidate(app, null, ex.Message, warnings);
            }
        }
    }
}
