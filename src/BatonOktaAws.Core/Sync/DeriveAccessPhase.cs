using BatonOktaAws.Core.Aws;
using BatonOktaAws.Core.Okta;
using BatonOktaAws.Store;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Core.Sync;

/// <summary>
/// Applies <see cref="AwsAccessRules"/> to every app user, a chunk of users at a time, and writes each
/// resulting access as a user grant on <c>account:&lt;accountId&gt;:&lt;role&gt;</c> with its source.
/// Idempotent, so a resumed sync simply runs it again.
/// </summary>
internal sealed class DeriveAccessPhase
{
    private const int ChunkSize = 2_000;

    private readonly SyncFileWriter _writer;
    private readonly AwsAccessRules _rules;
    private readonly HashSet<string> _entitlementsWritten = new(StringComparer.Ordinal);

    public DeriveAccessPhase(SyncFileWriter writer, AwsAppContext app)
    {
        _writer = writer;
        _rules = new AwsAccessRules(app.Settings, app.SamlRolesUnion);
    }

    public long UsersProcessed { get; private set; }

    public void Run(Action reportProgress, CancellationToken cancellationToken)
    {
        foreach (var chunk in _writer.AppUsersWithMemberships(ChunkSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var batch = _writer.BeginBatch();
            foreach (var member in chunk)
            {
                Derive(batch, member);
            }

            batch.Commit();
            UsersProcessed += chunk.Count;
            reportProgress();
        }
    }

    private void Derive(SyncBatch batch, AppUserMemberships member)
    {
        var appUser = member.AppUser;
        var assignment = appUser.Scope == Okta.Models.OktaAppUser.UserScope
            ? new AppAssignment(true, Roles(batch, appUser.SamlRoles, $"app user {appUser.UserId}"))
            : AppAssignment.ThroughGroups;
        var assigned = member.AssignedGroups
            .Select(g => new AssignedGroup(g.GroupId, g.Priority, Roles(batch, g.SamlRoles, null)))
            .ToList();
        var mapped = member.MappedGroups
            .Select(g => new MappedGroup(g.GroupId, AwsAccountId.Parse(g.AccountId), SamlRole.Parse(g.Role)))
            .ToList();

        foreach (var access in _rules.Resolve(assignment, assigned, mapped))
        {
            var entitlement = SyncRecords.Role(access.Account, access.Role);
            var id = entitlement.Id.ToString();
            if (_entitlementsWritten.Add(id))
            {
                batch.UpsertAccount(SyncRecords.Account(access.Account));
                batch.AddEntitlement(entitlement);
            }

            var source = access.Source.IsDirect ? GrantSource.Direct : GrantSource.Group(access.Source.GroupId!);
            batch.AddGrant(new GrantId(entitlement.Id, ResourceType.User, appUser.UserId), source);
        }
    }

    /// <summary>Parses role names; unusable ones are skipped (with a warning when <paramref name="owner"/> is given).</summary>
    private static List<SamlRole> Roles(SyncBatch batch, IReadOnlyList<string> names, string? owner)
    {
        var roles = new List<SamlRole>(names.Count);
        foreach (var name in names)
        {
            if (SamlRole.TryParse(name, out var role))
            {
                roles.Add(role.Value);
            }
            else if (owner is not null)
            {
                batch.AddWarning("unusable-role", $"{owner} has samlRole '{OktaId.Printable(name)}', which is not a usable role name; skipped.");
            }
        }

        return roles;
    }
}
