using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace OktaSimulator.Http;

/// <summary>
/// Okta's page size rules for one list endpoint: the default and the cap on <c>limit</c>. Where the contract
/// documents <c>limit</c> with <c>default: -1</c> (listApplications), <see cref="MinusOneIsDefault"/> makes an
/// explicit <c>limit=-1</c> mean "the server's default" instead of a malformed number.
/// </summary>
public sealed record PageLimits(int Default, int Maximum, int Minimum = 1, bool MinusOneIsDefault = false)
{
    public static readonly PageLimits Users = new(200, 200);
    public static readonly PageLimits UserGroups = new(200, 200);
    public static readonly PageLimits Groups = new(10_000, 10_000);
    public static readonly PageLimits GroupsQuery = new(300, 10_000);
    public static readonly PageLimits GroupMembers = new(1_000, 1_000);
    public static readonly PageLimits AppUsers = new(50, 500);
    public static readonly PageLimits AppGroups = new(20, 200, 20);

    /// <summary>
    /// listApplications: the contract caps <c>limit</c> at 200 and gives its default as -1, i.e. leaves the page
    /// size to the server; the simulator serves 20 apps per page when <c>limit</c> is absent (see docs/simulator.md).
    /// </summary>
    public static readonly PageLimits Apps = new(20, 200, MinusOneIsDefault: true);

    /// <summary>
    /// listUsersWithRoleAssignments and listResourceSetResources: "Defaults to 100"; no maximum is documented, the
    /// simulator caps at 1,000.
    /// </summary>
    public static readonly PageLimits IamCounted = new(100, 1_000);

    /// <summary>
    /// The other <c>/api/v1/iam</c> lists document only <c>after</c>; bindings and members name 100 per page ("If
    /// there are more than 100 ... the _links.next resource is returned"). The simulator serves 100 and takes a
    /// smaller <c>limit</c>.
    /// </summary>
    public static readonly PageLimits IamFixed = new(100, 100);

    /// <summary>Role target lists: queryLimit, "default: 20", "maximum: 200".</summary>
    public static readonly PageLimits RoleTargets = new(20, 200);
}

/// <summary>The <c>limit</c> and <c>after</c> of one list request, with <c>limit</c> clamped to the endpoint's range.</summary>
internal sealed record PageRequest(int Limit, string? After)
{
    public static PageRequest From(HttpRequest request, PageLimits limits)
    {
        var after = request.Query["after"].ToString();
        var rawLimit = request.Query["limit"].ToString();
        var limit = limits.Default;
        if (rawLimit.Length > 0 && !(limits.MinusOneIsDefault && rawLimit == "-1"))
        {
            if (!int.TryParse(rawLimit, NumberStyles.None, CultureInfo.InvariantCulture, out limit))
            {
                throw new OktaErrorException(OktaError.ValidationFailed($"limit: '{rawLimit}' is not a number."));
            }

            limit = Math.Clamp(limit, limits.Minimum, limits.Maximum);
        }

        return new PageRequest(limit, after.Length == 0 ? null : after);
    }
}
