using System.Globalization;
using System.Net;
using BatonOktaAws.Core.Review.Diff;
using BatonOktaAws.Core.Review.Findings;

namespace BatonOktaAws.Core.Review.Report;

/// <summary>What to put in one HTML review document.</summary>
public sealed record HtmlReportOptions
{
    /// <summary>Written in the footer: which tool and version produced the document.</summary>
    public string Generator { get; init; } = "baton-okta-aws";

    /// <summary>When the document was written (the footer).</summary>
    public DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Only these accounts' access (one file per account with <c>--split-by account</c>); null for every account.</summary>
    public IReadOnlySet<string>? Accounts { get; init; }

    /// <summary>Where each account's access is, when it is in another file (the index of a split report); null when it is in this one.</summary>
    public Func<string, string>? AccountHref { get; init; }

    /// <summary>Past this many access rows, the per-account sections start closed so a browser renders only what is opened.</summary>
    public int OpenSectionsUpTo { get; init; } = 3_000;

    /// <summary>The findings of one code listed in the findings section; the rest are marked only on their access rows.</summary>
    public int FindingsListedPerCode { get; init; } = 500;
}

/// <summary>
/// The review as one self-contained HTML document: inline style and script only, no request of any kind (a Content
/// Security Policy forbids them), readable without script, printable, and with real tables for screen readers. A
/// filter box (plain script, progressive enhancement) narrows the rows by user, account or role.
/// </summary>
public static partial class HtmlReportWriter
{
    public static void Write(TextWriter output, ReviewReportData data, HtmlReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var sync = data.Sync;
        var rows = data.Rows.Where(r => options.Accounts is null || options.Accounts.Contains(r.Access.AccountId)).ToList();
        var accounts = options.Accounts is null ? data.Rows.Select(r => r.Access.AccountId) : options.Accounts;
        var findings = data.Findings.Where(f => options.Accounts is null || f.AccountId is null || options.Accounts.Contains(f.AccountId)).ToList();
        var title = $"AWS access review — {Host(sync.Run.OktaDomain)} — {Date(sync.Run.StartedAt)}";
        var w = new HtmlText(output);

        w.Raw("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'\">\n");
        w.Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"no-referrer\">\n");
        w.Raw("<title>").Text(title).Raw("</title>\n<style>").Raw(Style).Raw("</style>\n</head>\n<body>\n");

        WriteHeader(w, data, rows, findings, options);
        w.Raw("<div id=\"filter\" class=\"filter\" hidden><label for=\"q\">Filter rows</label> <input id=\"q\" type=\"search\" autocomplete=\"off\" placeholder=\"user, name, account, role, app or group\"> <span id=\"shown\" aria-live=\"polite\"></span></div>\n");
        w.Raw("<main>\n");
        WriteFindings(w, findings, options);
        if (data.Changes is { } changes && options.AccountHref is null)
        {
            WriteChanges(w, data, changes, options);
        }

        WriteOverview(w, data, rows, options);
        if (options.AccountHref is null)
        {
            WriteAccounts(w, data, rows, options);
        }

        WriteAdmins(w, data, options);
        WriteBypass(w, data, options);

        w.Raw("</main>\n<footer>\n<p>Written by ").Text(options.Generator).Raw(" on ").Text(Timestamp(options.GeneratedAt)).Raw(" from ").Code(data.FilePath)
            .Raw(" (sync ").Text(Number(sync.Run.Id)).Raw("). Nothing in this document was fetched from anywhere: it is complete as it is.</p>\n")
            .Raw("<p>To record decisions, fill in the <code>decision</code> column of the review sheet (<code>baton-okta-aws report --format csv</code>) with <code>keep</code> or <code>revoke</code>; <code>baton-okta-aws revoke --from-file</code> applies only the rows marked <code>revoke</code>.</p>\n</footer>\n");
        w.Raw("<script>").Raw(Script).Raw("</script>\n</body>\n</html>\n");
    }

    private static void WriteHeader(HtmlText w, ReviewReportData data, List<ReportRow> rows, List<Finding> findings, HtmlReportOptions options)
    {
        var sync = data.Sync;
        w.Raw("<header>\n<h1>AWS access review</h1>\n<p class=\"lead\">Who can assume which AWS role through Okta at <strong>").Text(Host(sync.Run.OktaDomain))
            .Raw("</strong>, and why — as of sync ").Text(Number(sync.Run.Id)).Raw(" on ").Text(Timestamp(sync.Run.StartedAt)).Raw(".</p>\n");
        if (options.Accounts is { } only)
        {
            w.Raw("<p class=\"lead\">This file covers account").Raw(only.Count == 1 ? string.Empty : "s").Raw(" ").Text(string.Join(", ", only.Order(StringComparer.Ordinal))).Raw(" only.</p>\n");
        }

        w.Raw("<dl class=\"facts\">\n");
        Fact(w, "Okta org", sync.Run.OktaDomain);
        Fact(w, "Synced", $"{Timestamp(sync.Run.StartedAt)} (sync {Number(sync.Run.Id)}, {sync.Run.Requests} requests, apps: {sync.Run.AppSelection})");
        Fact(w, "Compared with", data.Previous is { } previous ? $"{data.PreviousSource}, {Timestamp(previous.Run.StartedAt)}" : "nothing: no earlier sync is kept (sync again, or report --base an earlier file)");
        var people = rows.Select(r => r.Access.UserId).Distinct(StringComparer.Ordinal).Count();
        var dormant = rows.Where(r => !r.CanSignIn).Select(r => r.Access.UserId).Distinct(StringComparer.Ordinal).Count();
        Fact(w, "Access", $"{People(people)} hold {rows.Count} access paths to {rows.Select(r => (r.Access.AccountId, r.Access.Role)).Distinct().Count()} roles in {rows.Select(r => r.Access.AccountId).Distinct(StringComparer.Ordinal).Count()} accounts; {dormant} of them cannot sign in to Okta now");
        Fact(w, "AWS side", sync.IamExports.Count == 0
            ? "not reviewed: no IAM exports were attached (sync --aws-iam, or aws-iam import), so what each role can do is not shown"
            : $"IAM exports of {string.Join(", ", sync.IamExports.GroupBy(e => e.AccountId).Select(g => $"{g.Key} ({Date(g.Max(e => e.ExportedAt) ?? sync.Run.StartedAt)})"))}");
        Fact(w, "Okta admins", AdminsFact(data, options));
        Fact(w, "Findings", findings.Count == 0 ? "none" : string.Join(", ", Enum.GetValues<FindingSeverity>().Reverse().Select(s => (s, n: findings.Count(f => f.Severity == s))).Where(x => x.n > 0).Select(x => $"{x.n} {x.s.Name()}")));
        w.Raw("</dl>\n");

        w.Raw("<table class=\"apps\">\n<caption>The AWS apps in Okta this review covers</caption>\n<thead><tr><th scope=\"col\">App</th><th scope=\"col\">Okta app id</th><th scope=\"col\">Mode</th><th scope=\"col\">Accounts</th><th scope=\"col\">Settings</th></tr></thead>\n<tbody>\n");
        foreach (var app in sync.Apps.Values.OrderBy(a => a.Label, StringComparer.OrdinalIgnoreCase))
        {
            var settings = new List<string> { $"joinAllRoles {(app.JoinAllRoles ? "on" : "off")}", $"samlRoles union {(app.SamlRolesUnion ? "on" : "off")}" };
            if (app.UseGroupMapping)
            {
                settings.Add($"groupFilter {app.GroupFilter}");
                settings.Add($"appFilter {app.AppFilter ?? "(every source)"}");
            }

            if (!string.Equals(app.Status, "ACTIVE", StringComparison.OrdinalIgnoreCase))
            {
                settings.Add($"status {app.Status}: nobody can sign in through it");
            }

            w.Raw("<tr><th scope=\"row\">").Text(app.Label ?? app.AppId).Raw("</th><td><code>").Text(app.AppId).Raw("</code></td><td>").Text(app.Mode)
                .Raw("</td><td>").Text(app.AccountId ?? "from group names").Raw("</td><td>").Text(string.Join("; ", settings)).Raw("</td></tr>\n");
        }

        w.Raw("</tbody>\n</table>\n");
        w.Raw("<nav aria-label=\"Contents\"><ul><li><a href=\"#findings\">Findings</a></li>");
        if (data.Changes is not null && options.AccountHref is null)
        {
            w.Raw("<li><a href=\"#changes\">Changes</a></li>");
        }

        w.Raw("<li><a href=\"#overview\">Overview</a></li>");
        if (options.AccountHref is null)
        {
            w.Raw("<li><a href=\"#accounts\">Access by account and role</a></li>");
        }

        w.Raw("<li><a href=\"#admins\">Who can change this access</a></li>");
        if (sync.IamExports.Count > 0)
        {
            w.Raw("<li><a href=\"#bypass\">Access that bypasses Okta</a></li>");
        }

        w.Raw("</ul></nav>\n</header>\n");
    }

    private static void WriteFindings(HtmlText w, List<Finding> findings, HtmlReportOptions options)
    {
        w.Raw("<section id=\"findings\">\n<h2>Findings</h2>\n");
        if (findings.Count == 0)
        {
            w.Raw("<p>No findings.</p>\n</section>\n");
            return;
        }

        w.Raw("<p>What a reviewer should look at, worst first (codes are explained in <code>docs/findings.md</code>). Rows below carry the findings that concern them.</p>\n");
        var byCode = findings.GroupBy(f => (f.Severity, f.Code)).OrderByDescending(g => g.Key.Severity).ThenBy(g => g.Key.Code, StringComparer.Ordinal).ToList();
        w.Raw("<table class=\"summary\">\n<caption>Findings by code</caption>\n<thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">Code</th><th scope=\"col\">Count</th></tr></thead>\n<tbody>\n");
        foreach (var code in byCode)
        {
            w.Raw("<tr><td>").Badge(code.Key.Severity.Name(), "sev-" + code.Key.Severity.Name()).Raw("</td><td><a href=\"#finding-").Attr($"{code.Key.Severity.Name()}-{code.Key.Code}").Raw("\"><code>").Text(code.Key.Code)
                .Raw("</code></a></td><td>").Text(Number(code.Count())).Raw("</td></tr>\n");
        }

        w.Raw("</tbody>\n</table>\n");
        foreach (var code in byCode)
        {
            var list = code.ToList();
            var serious = code.Key.Severity >= FindingSeverity.Medium;
            w.Raw(serious ? "<details class=\"findings\" open id=\"finding-" : "<details class=\"findings\" id=\"finding-").Attr($"{code.Key.Severity.Name()}-{code.Key.Code}").Raw("\">")
                .Raw("<summary>").Badge(code.Key.Severity.Name(), "sev-" + code.Key.Severity.Name()).Raw(" <code>").Text(code.Key.Code).Raw("</code> ").Text($"({Number(list.Count)})").Raw("</summary>\n");
            w.Raw("<table>\n<thead><tr><th scope=\"col\">Concerns</th><th scope=\"col\">Why</th></tr></thead>\n<tbody>\n");
            foreach (var f in list.Take(options.FindingsListedPerCode))
            {
                w.Raw("<tr data-f=\"").Attr(Filter(f.Login, f.UserId, f.AppLabel, f.AccountId, f.Role, f.GroupName, f.Code)).Raw("\"><td>").Text(Concerns(f)).Raw("</td><td>").Text(f.Explanation).Raw("</td></tr>\n");
            }

            w.Raw("</tbody>\n</table>\n");
            if (list.Count > options.FindingsListedPerCode)
            {
                // Every one is still on its access row below, and in `findings --output csv`; listing tens of thousands here would bury the rest.
                w.Raw("<p class=\"muted\">The first ").Text(Number(options.FindingsListedPerCode)).Raw(" of ").Text(Number(list.Count))
                    .Raw(" are listed here; each one is also marked on its access row below, and <code>baton-okta-aws findings --output csv</code> lists them all.</p>\n");
            }

            w.Raw("</details>\n");
        }

        w.Raw("</section>\n");
    }

    private static void WriteChanges(HtmlText w, ReviewReportData data, SyncDiff changes, HtmlReportOptions options)
    {
        w.Raw("<section id=\"changes\">\n<h2>Changes since ").Text(data.PreviousSource ?? "the previous sync").Raw("</h2>\n");
        var access = changes.Access.Where(c => options.Accounts is null || options.Accounts.Contains(c.AccountId)).ToList();
        if (access.Count == 0 && changes.UserStatus.Count == 0)
        {
            w.Raw("<p>No access was added or removed, and no user's status changed.</p>\n</section>\n");
            return;
        }

        if (access.Count > 0)
        {
            w.Raw("<table>\n<caption>Access added and removed</caption>\n<thead><tr><th scope=\"col\">Change</th><th scope=\"col\">Login</th><th scope=\"col\">App</th><th scope=\"col\">Account</th><th scope=\"col\">Role</th><th scope=\"col\">Through</th></tr></thead>\n<tbody>\n");
            foreach (var c in access)
            {
                var added = c.Change == ChangeKind.Added;
                w.Raw("<tr data-f=\"").Attr(Filter(c.Login, c.UserId, c.AppLabel, c.AccountId, c.Role, c.Source)).Raw("\"><td>").Badge(added ? "added" : "removed", added ? "new" : "gone")
                    .Raw("</td><td>").Text(c.Login ?? c.UserId).Raw("</td><td>").Text(c.AppLabel ?? c.AppId).Raw("</td><td>").Text(c.AccountId).Raw("</td><td>").Text(c.Role)
                    .Raw("</td><td>").Text(SourceText(data, c.Source)).Raw("</td></tr>\n");
            }

            w.Raw("</tbody>\n</table>\n");
        }

        if (changes.UserStatus.Count > 0)
        {
            w.Raw("<table>\n<caption>Users whose Okta status changed</caption>\n<thead><tr><th scope=\"col\">Login</th><th scope=\"col\">Was</th><th scope=\"col\">Is</th></tr></thead>\n<tbody>\n");
            foreach (var c in changes.UserStatus)
            {
                w.Raw("<tr><td>").Text(c.Login ?? c.UserId).Raw("</td><td>").Text(c.From ?? "?").Raw("</td><td>").Text(c.To ?? "?").Raw("</td></tr>\n");
            }

            w.Raw("</tbody>\n</table>\n");
        }

        w.Raw("</section>\n");
    }

    private static void WriteOverview(HtmlText w, ReviewReportData data, List<ReportRow> rows, HtmlReportOptions options)
    {
        w.Raw("<section id=\"overview\">\n<h2>Overview: people per account and role</h2>\n");
        var roles = rows.Select(r => r.Access.Role).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var accounts = rows.Select(r => r.Access.AccountId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (accounts.Count == 0)
        {
            w.Raw("<p>Nobody can assume any AWS role through the apps synced.</p>\n</section>\n");
            return;
        }

        var counts = rows.GroupBy(r => (r.Access.AccountId, r.Access.Role))
            .ToDictionary(g => g.Key, g => (People: g.Select(r => r.Access.UserId).Distinct(StringComparer.Ordinal).Count(), Dormant: g.Where(r => !r.CanSignIn).Select(r => r.Access.UserId).Distinct(StringComparer.Ordinal).Count()));
        w.Raw("<div class=\"scroll\"><table class=\"matrix\">\n<caption>How many people can assume each role (of whom cannot sign in now)</caption>\n<thead><tr><th scope=\"col\">Account</th>");
        foreach (var role in roles)
        {
            w.Raw("<th scope=\"col\">").Text(role).Raw("</th>");
        }

        w.Raw("</tr></thead>\n<tbody>\n");
        foreach (var account in accounts)
        {
            var href = options.AccountHref?.Invoke(account) ?? "#account-" + account;
            w.Raw("<tr><th scope=\"row\"><a href=\"").Attr(href).Raw("\">").Text(account).Raw("</a></th>");
            foreach (var role in roles)
            {
                if (counts.TryGetValue((account, role), out var n))
                {
                    w.Raw("<td>").Text(Number(n.People));
                    if (n.Dormant > 0)
                    {
                        w.Raw(" <span class=\"muted\">(").Text(Number(n.Dormant)).Raw(")</span>");
                    }

                    w.Raw("</td>");
                }
                else
                {
                    w.Raw("<td class=\"muted\"><span aria-label=\"nobody\">–</span></td>");
                }
            }

            w.Raw("</tr>\n");
        }

        w.Raw("</tbody>\n</table></div>\n</section>\n");
    }

    private static void WriteAccounts(HtmlText w, ReviewReportData data, List<ReportRow> rows, HtmlReportOptions options)
    {
        var open = rows.Count <= options.OpenSectionsUpTo;
        w.Raw("<section id=\"accounts\">\n<h2>Access by account and role</h2>\n");
        if (!open)
        {
            w.Raw("<p>").Text(Number(rows.Count)).Raw(" access paths: each account is closed until opened (or found by the filter), so the document stays quick. For one file per account, use <code>report --split-by account</code>.</p>\n");
        }

        foreach (var byAccount in rows.GroupBy(r => r.Access.AccountId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var people = byAccount.Select(r => r.Access.UserId).Distinct(StringComparer.Ordinal).Count();
            var roles = byAccount.GroupBy(r => r.Access.Role).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            w.Raw(open ? "<details class=\"account\" open id=\"account-" : "<details class=\"account\" id=\"account-").Attr(byAccount.Key).Raw("\">\n<summary><h3>AWS account ")
                .Text(byAccount.Key).Raw("</h3> <span class=\"muted\">").Text($"{People(people)}, {roles.Count} role{(roles.Count == 1 ? "" : "s")}").Raw("</span></summary>\n");
            foreach (var role in roles)
            {
                var list = role.OrderBy(r => r.Login, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.AppLabel, StringComparer.OrdinalIgnoreCase).ToList();
                w.Raw("<section class=\"role\">\n<h4>").Text(role.Key).Raw(" <span class=\"muted\">in ").Text(byAccount.Key).Raw(" — ")
                    .Text(People(list.Select(r => r.Access.UserId).Distinct(StringComparer.Ordinal).Count())).Raw("</span></h4>\n");
                WriteRoleFacts(w, data, byAccount.Key, role.Key);
                w.Raw("<table class=\"access\">\n<colgroup><col class=\"c-login\"><col class=\"c-name\"><col class=\"c-status\"><col class=\"c-app\"><col class=\"c-through\"><col class=\"c-since\"><col class=\"c-notes\"></colgroup>\n<thead><tr><th scope=\"col\">Login</th><th scope=\"col\">Name</th><th scope=\"col\">Status</th><th scope=\"col\">App</th><th scope=\"col\">Through</th><th scope=\"col\">Since</th><th scope=\"col\">Notes</th></tr></thead>\n<tbody>\n");
                foreach (var row in list)
                {
                    WriteRow(w, row);
                }

                w.Raw("</tbody>\n</table>\n</section>\n");
            }

            w.Raw("</details>\n");
        }

        w.Raw("</section>\n");
    }

    private static string People(int count) => count == 1 ? "1 person" : $"{count} people";

    /// <summary>What IAM's exports say of a role, per app that hands it out: the IAM role, trust, policies, admin-equivalence.</summary>
    private static void WriteRoleFacts(HtmlText w, ReviewReportData data, string account, string role)
    {
        foreach (var reach in data.Roles.Where(r => r.AccountId == account && r.Role == role && r.Status is not null))
        {
            var status = reach.Status!;
            w.Raw("<p class=\"iam\">");
            if (data.Roles.Count(r => r.AccountId == account && r.Role == role) > 1)
            {
                w.Text(reach.AppLabel).Raw(": ");
            }

            if (reach.Iam is { } iam)
            {
                w.Code(iam.Arn).Raw(" — ").Text(reach.Verdict);
                if (iam.AdminEquivalent)
                {
                    w.Raw(" ").Badge("admin-equivalent", "sev-high").Raw(" <span class=\"muted\">").Text(string.Join("; ", iam.AdminReasons)).Raw("</span>");
                }

                var policies = iam.AttachedPolicies.Select(p => p.Name).Concat(iam.InlinePolicies.Select(p => p + " (inline)")).ToList();
                w.Raw("<br>Policies: ").Text(policies.Count == 0 ? "none" : string.Join(", ", policies));
                if (iam.PermissionsBoundary is { } boundary)
                {
                    w.Raw("; permissions boundary ").Code(boundary);
                }
            }
            else
            {
                w.Text(reach.Verdict).Raw(" <span class=\"muted\">(Okta sends ").Code(status.ExpectedArn).Raw(")</span>");
            }

            w.Raw("</p>\n");
        }
    }

    /// <summary>IAM users with a password or an active key: access to AWS no Okta review covers.</summary>
    private static void WriteBypass(HtmlText w, ReviewReportData data, HtmlReportOptions options)
    {
        var users = data.Sync.IamUsers
            .Where(u => (u.PasswordEnabled == true || u.ActiveAccessKeys > 0) && (options.Accounts is null || options.Accounts.Contains(u.AccountId)))
            .ToList();
        if (data.Sync.IamExports.Count == 0)
        {
            return;
        }

        w.Raw("<section id=\"bypass\">\n<h2>Access to AWS that bypasses Okta</h2>\n");
        if (users.Count == 0)
        {
            w.Raw("<p>No IAM user of the exported accounts has a console password or an active access key.</p>\n</section>\n");
            return;
        }

        w.Raw("<p>IAM users (from the credential reports) who reach AWS with a password or an access key, outside Okta and outside this review.</p>\n");
        w.Raw("<table>\n<thead><tr><th scope=\"col\">Account</th><th scope=\"col\">IAM user</th><th scope=\"col\">Console password</th><th scope=\"col\">Active access keys</th><th scope=\"col\">MFA</th><th scope=\"col\">Admin-equivalent</th></tr></thead>\n<tbody>\n");
        foreach (var user in users)
        {
            w.Raw("<tr data-f=\"").Attr(Filter(user.AccountId, user.Name, user.Arn)).Raw("\"><td>").Text(user.AccountId).Raw("</td><td>").Text(user.IsRoot ? "root user" : user.Name)
                .Raw("</td><td>").Text(user.PasswordEnabled == true ? "yes" + (user.PasswordLastUsed is { } p ? $", last used {Date(p)}" : ", never used") : "no")
                .Raw("</td><td>").Text(user.ActiveAccessKeys > 0 ? $"{user.ActiveAccessKeys}" + (user.AccessKeyLastUsed is { } k ? $", last used {Date(k)}" : ", never used") : "none")
                .Raw("</td><td>").Text(user.MfaActive switch { true => "yes", false => "no", null => "?" })
                .Raw("</td><td>");
            if (user.AdminEquivalent == true)
            {
                w.Badge("admin-equivalent", "sev-high");
            }
            else
            {
                w.Text(user.AdminEquivalent is null ? "?" : "no");
            }

            w.Raw("</td></tr>\n");
        }

        w.Raw("</tbody>\n</table>\n</section>\n");
    }

    private static void WriteRow(HtmlText w, ReportRow row)
    {
        var a = row.Access;
        var classes = (row.CanSignIn ? string.Empty : "dormant ") + (row.IsNew ? "added " : string.Empty) + (row.Findings.Any(f => f.Severity >= FindingSeverity.Medium) ? "flagged" : string.Empty);
        w.Raw("<tr");
        if (classes.Trim().Length > 0)
        {
            w.Raw(" class=\"").Attr(classes.Trim()).Raw("\"");
        }

        w.Raw(" data-f=\"").Attr(Filter(row.Login, row.DisplayName, a.AccountId, a.Role, row.AppLabel, row.SourceGroupName, a.UserStatus)).Raw("\"><td>").Text(row.Login)
            .Raw("</td><td>").Text(row.DisplayName).Raw("</td><td>");
        WriteStatus(w, a.UserStatus, row.CanSignIn);

        w.Raw("</td><td>").Text(row.AppLabel).Raw("</td><td>").Text(row.Through);
        if (row.SourceGroupSource is { } source)
        {
            w.Raw(" <span class=\"muted\">(imported from ").Text(source).Raw(")</span>");
        }

        w.Raw("</td><td>");
        if (row.Age is { } age)
        {
            w.Text((age.AtLeast ? "≤ " : string.Empty) + Date(age.Since));
        }

        w.Raw("</td><td>");
        if (row.IsNew)
        {
            w.Badge("new", "new");
        }

        foreach (var finding in row.Findings)
        {
            w.Raw("<span class=\"badge sev-").Raw(finding.Severity.Name()).Raw("\" title=\"").Attr(finding.Explanation).Raw("\">").Text(finding.Code).Raw("</span>");
        }

        w.Raw("</td></tr>\n");
    }

    /// <summary>A user's Okta status, as a badge when it keeps them from signing in.</summary>
    private static void WriteStatus(HtmlText w, string? status, bool canSignIn)
    {
        if (canSignIn)
        {
            w.Text(status ?? "unknown");
        }
        else
        {
            w.Badge($"{status}: cannot sign in", "dormant");
        }
    }

    private static void Fact(HtmlText w, string term, string value) => w.Raw("<div><dt>").Text(term).Raw("</dt><dd>").Text(value).Raw("</dd></div>\n");

    private static string SourceText(ReviewReportData data, string source) =>
        source.StartsWith("group:", StringComparison.Ordinal) ? "group " + data.Sync.GroupName(source[6..]) : "direct assignment";

    private static string Concerns(Finding f) =>
        string.Join(", ", new[] { f.Login ?? f.UserId, f.GroupName is null ? null : "group " + f.GroupName, f.AppLabel, f.AccountId, f.Role }.Where(x => !string.IsNullOrEmpty(x)));

    private static string Filter(params string?[] words) => string.Join(' ', words.Where(x => !string.IsNullOrEmpty(x))).ToLowerInvariant();

    private static string Host(string domain) => Uri.TryCreate(domain, UriKind.Absolute, out var uri) ? uri.Authority : domain;

    private static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Writes HTML, escaping every text and attribute value (names in Okta are not ours to trust).</summary>
    private sealed class HtmlText(TextWriter output)
    {
        public HtmlText Raw(string html)
        {
            output.Write(html);
            return this;
        }

        public HtmlText Text(string? text)
        {
            output.Write(WebUtility.HtmlEncode(text ?? string.Empty));
            return this;
        }

        public HtmlText Attr(string? text) => Text(text);

        public HtmlText Code(string text) => Raw("<code>").Text(text).Raw("</code>");

        public HtmlText Badge(string text, string kind) => Raw("<span class=\"badge ").Raw(kind).Raw("\">").Text(text).Raw("</span>");
    }

    private const string Style = """

        :root { color-scheme: light; --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --head: #f0f4f8; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 78rem; padding: 1.5rem; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
        h1 { font-size: 1.7rem; margin: 0 0 .3rem; } h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; }
        h3 { display: inline; font-size: 1.1rem; margin: 0; } h4 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
        .lead { font-size: 1.05rem; margin: .2rem 0; } .muted { color: var(--muted); font-weight: normal; }
        code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 1rem 0; }
        dl.facts div { display: contents; } dt { font-weight: 600; } dd { margin: 0; }
        table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
        caption { text-align: left; font-weight: 600; padding: .3rem 0; }
        th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
        thead th { background: var(--head); position: sticky; top: var(--filter-height, 0); z-index: 1; }
        tbody tr:nth-child(even) td { background: #fafbfc; }
        tr.dormant td { background: #fdf2f2 !important; }
        tr.added td:first-child { box-shadow: inset 4px 0 0 #047857; }
        table.access { table-layout: fixed; } table.access td { overflow-wrap: anywhere; }
        .c-login { width: 17%; } .c-name { width: 13%; } .c-status { width: 15%; } .c-app { width: 17%; } .c-through { width: 14%; } .c-since { width: 10%; } .c-notes { width: 14%; }
        .scroll { overflow-x: auto; } p.iam { margin: .2rem 0 .4rem; font-size: .9rem; } table.matrix td { text-align: right; } table.matrix th[scope=row] { white-space: nowrap; }
        .badge { display: inline-block; border-radius: .7rem; padding: 0 .5rem; margin: 0 .2rem .1rem 0; font-size: .8rem; font-weight: 600; border: 1px solid transparent; white-space: nowrap; }
        td .badge { white-space: normal; overflow-wrap: normal; }
        .sev-high { background: #fde8e8; color: #9b1c1c; border-color: #f8b4b4; } .sev-medium { background: #fff4e0; color: #7a3e00; border-color: #f6c178; }
        .sev-low { background: #e8f0fd; color: #1e4d8c; border-color: #a4c2f4; } .sev-info { background: #f3f4f6; color: #374151; border-color: #d1d5db; }
        .new { background: #d1fae5; color: #065f46; border-color: #6ee7b7; } .gone { background: #f3f4f6; color: #374151; border-color: #9ca3af; }
        .dormant { background: #fde8e8; color: #7f1d1d; border-color: #f8b4b4; }
        table.summary { width: auto; min-width: 24rem; } table.summary td:last-child { text-align: right; }
        p.warning { background: #fff4e0; border: 1px solid #f6c178; border-radius: .3rem; padding: .5rem .8rem; }
        details.account { border: 1px solid var(--line); border-radius: .4rem; padding: .4rem .8rem; margin: .6rem 0; }
        details > summary { cursor: pointer; } details.findings > summary { font-weight: 600; margin: .4rem 0; }
        nav ul { list-style: none; padding: 0; display: flex; gap: 1rem; flex-wrap: wrap; }
        a { color: #0b5cad; }
        .filter { position: sticky; top: 0; background: #fff; padding: .5rem 0; border-bottom: 1px solid var(--line); z-index: 2; }
        .filter input { font: inherit; padding: .3rem .5rem; width: min(30rem, 70%); border: 1px solid var(--muted); border-radius: .3rem; }
        footer { margin-top: 2rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .9rem; }
        @media print {
          body { max-width: none; padding: 0; font-size: 11px; } .filter, nav { display: none !important; }
          details > summary { list-style: none; } details::details-content { content-visibility: visible; display: block; }
          thead th { position: static; } tr { break-inside: avoid; } a { color: inherit; text-decoration: none; }
        }

        """;

    private const string Script = """

        (function () {
          "use strict";
          var box = document.getElementById("filter"), q = document.getElementById("q"), shown = document.getElementById("shown");
          if (!box || !q) { return; }
          box.hidden = false;
          // Table headers stick just below the filter bar rather than under it.
          document.documentElement.style.setProperty("--filter-height", box.offsetHeight + "px");
          var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-f]"));
          var timer = null;
          function apply() {
            var words = q.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
            var count = 0;
            rows.forEach(function (tr) {
              var text = tr.getAttribute("data-f");
              var hit = words.every(function (w) { return text.indexOf(w) >= 0; });
              tr.hidden = !hit;
              if (hit) { count++; }
            });
            document.querySelectorAll("section.role").forEach(function (s) {
              s.hidden = words.length > 0 && s.querySelector("tbody tr:not([hidden])") === null;
            });
            document.querySelectorAll("details.account").forEach(function (d) {
              var any = d.querySelector("tbody tr:not([hidden])") !== null;
              d.hidden = words.length > 0 && !any;
              if (words.length > 0 && any) { d.open = true; }
            });
            shown.textContent = words.length > 0 ? (count === 1 ? "1 matching row" : count + " matching rows") : "";
          }
          q.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 150); });
          window.addEventListener("beforeprint", function () {
            document.querySelectorAll("details").forEach(function (d) { d.setAttribute("data-was-open", d.open ? "1" : "0"); d.open = true; });
          });
          window.addEventListener("afterprint", function () {
            document.querySelectorAll("details[data-was-open]").forEach(function (d) { d.open = d.getAttribute("data-was-open") === "1"; });
          });
        })();

        """;
}
