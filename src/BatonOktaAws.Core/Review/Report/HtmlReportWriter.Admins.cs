using BatonOktaAws.Core.Review.Admin;
using BatonOktaAws.Core.Review.Findings;

namespace BatonOktaAws.Core.Review.Report;

/// <summary>The report's "Who can change this access": Okta admins who can give themselves or others the AWS roles above.</summary>
public static partial class HtmlReportWriter
{
    private static string AdminsFact(ReviewReportData data, HtmlReportOptions options)
    {
        var review = WhoCanChangeAwsAccess.For(data.Sync);
        if (!review.Reviewed)
        {
            return $"not reviewed: {review.NotReviewedReason ?? "the sync did not read Okta's admin roles"} — who can change this access is unknown, not nobody";
        }

        var paths = AdminPaths(data, review, options);
        var people = paths.Select(p => p.UserId).Distinct(StringComparer.Ordinal).Count();
        return people == 0
            ? "no Okta admin role reaches these AWS apps or their groups"
            : $"{People(people)} can change this access through Okta admin roles ({paths.Count} paths)";
    }

    private static void WriteAdmins(HtmlText w, ReviewReportData data, HtmlReportOptions options)
    {
        var review = WhoCanChangeAwsAccess.For(data.Sync);
        w.Raw("<section id=\"admins\">\n<h2>Who can change this access</h2>\n");
        if (!review.Reviewed)
        {
            w.Raw("<p class=\"warning\"><strong>This part of the review is missing.</strong> ")
                .Text(review.NotReviewedReason ?? "The sync did not read Okta's admin roles.")
                .Raw(" Okta admins may be able to change who can assume the roles above; sync with a token that may read admin roles (a super admin's) to review them.</p>\n</section>\n");
            return;
        }

        w.Raw("<p>Okta admins who can change who may assume the roles above — by editing an AWS app's assignments, or the membership of a group that carries a role — whether or not they hold the access themselves. The rules, each with its Okta source, are in the project's <code>docs/aws-access.md</code>.</p>\n");
        var paths = AdminPaths(data, review, options);
        if (paths.Count == 0)
        {
            w.Raw("<p>No Okta admin role reaches these AWS apps or the groups that grant their roles.</p>\n");
        }

        var flagged = data.Findings.Where(f => f.Code == CanChangeAwsAccessRule.Code && f.UserId is not null && f.AppId is not null)
            .Select(f => (f.UserId!, f.AppId!)).ToHashSet();
        foreach (var app in paths.GroupBy(p => p.AppId, StringComparer.Ordinal).OrderBy(a => data.Sync.AppLabel(a.Key), StringComparer.OrdinalIgnoreCase))
        {
            var label = data.Sync.AppLabel(app.Key);
            w.Raw("<table class=\"admins\">\n<caption>").Text(label).Raw(" <span class=\"muted\">— ").Text(People(app.Select(p => p.UserId).Distinct(StringComparer.Ordinal).Count())).Raw("</span></caption>\n")
                .Raw("<thead><tr><th scope=\"col\">User</th><th scope=\"col\">Status</th><th scope=\"col\">Okta admin role</th><th scope=\"col\">Held</th><th scope=\"col\">Can change</th><th scope=\"col\">Which gives</th></tr></thead>\n<tbody>\n");
            var lines = app
                .GroupBy(p => (p.UserId, p.Held.RoleId, p.Held.ViaGroupId, p.Capability, p.GroupId))
                .OrderBy(g => g.First().Login ?? g.Key.UserId, StringComparer.OrdinalIgnoreCase)
                .ThenBy(g => g.Key.Capability)
                .ThenBy(g => g.First().GroupName, StringComparer.OrdinalIgnoreCase);
            foreach (var line in lines)
            {
                var first = line.First();
                var gives = first.Capability == AdminCapability.AppAssignments
                    ? data.Sync.Apps.GetValueOrDefault(app.Key)?.AccountId is { } account ? $"any role in {account} the app hands out" : "any role the app hands out"
                    : line.Any(p => p.Role is null)
                        ? "access to the app (roles from the mapped groups its members are in)"
                        : string.Join(", ", line.Where(p => p.Role is not null).Select(p => $"{p.Role} in {p.AccountId}").Distinct(StringComparer.Ordinal));
                var isFlagged = flagged.Contains((first.UserId, app.Key));
                w.Raw(isFlagged ? "<tr class=\"flagged\"" : "<tr")
                    .Raw(" data-f=\"").Attr(Filter(first.Login, first.UserId, label, first.Held.Label, first.GroupName, gives)).Raw("\"><td>").Text(first.Login ?? first.UserId).Raw("</td><td>");
                WriteStatus(w, first.UserStatus, UserStatuses.CanAuthenticate(first.UserStatus));
                w.Raw("</td><td>").Text(first.Held.Label).Raw(first.Held.IsCustom ? " <span class=\"muted\">(custom)</span>" : string.Empty)
                    .Raw("</td><td>").Text(first.Held.How)
                    .Raw("</td><td>").Text(first.Capability == AdminCapability.AppAssignments ? "the app's assignments" : $"membership of '{first.GroupName ?? first.GroupId}'")
                    .Raw("</td><td>").Text(gives);
                if (isFlagged)
                {
                    w.Raw(" ").Badge(CanChangeAwsAccessRule.Code, "sev-medium");
                }

                w.Raw("</td></tr>\n");
            }

            w.Raw("</tbody>\n</table>\n");
        }

        if (review.Gaps.Count > 0)
        {
            w.Raw("<p>Not decided from the sync:</p>\n<ul>\n");
            foreach (var gap in review.Gaps)
            {
                w.Raw("<li>").Text(gap.Explanation).Raw("</li>\n");
            }

            w.Raw("</ul>\n");
        }

        w.Raw("</section>\n");
    }

    /// <summary>The paths into the accounts this document covers (every path, unless the report is split by account).</summary>
    private static List<AccessChangePath> AdminPaths(ReviewReportData data, AdminAccessReview review, HtmlReportOptions options) =>
        [.. review.Paths.Where(p => options.Accounts is not { } accounts
            || (p.AccountId ?? data.Sync.Apps.GetValueOrDefault(p.AppId)?.AccountId) is not { } account
            || accounts.Contains(account))];
}
