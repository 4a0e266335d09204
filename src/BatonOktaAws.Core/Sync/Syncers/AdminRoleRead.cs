using BatonOktaAws.Core.Okta;
using BatonOktaAws.Core.Okta.Models;

namespace BatonOktaAws.Core.Sync.Syncers;

/// <summary>
/// One admin role assignment with its targets resolved: held by <see cref="Assignee"/> (for a role a user holds
/// through a group, the group), with every app and group target (empty: all of that kind).
/// </summary>
internal sealed record AdminRoleRead(OktaRoleAssignment Assignment, OktaRoleHolder Assignee, IReadOnlyList<OktaCatalogApp> AppTargets, IReadOnlyList<OktaGroup> GroupTargets);
