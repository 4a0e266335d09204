using System.Globalization;
using System.Text.RegularExpressions;
using BatonOktaAws.Core.Review;
using BatonOktaAws.Core.Review.Report;
using BatonOktaAws.Core.Tests.Sync;
using BatonOktaAws.Store;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;
using OktaSimulator.Model;

namespace BatonOktaAws.Core.Tests.Review;

/// <summary>The review sheet and the HTML document, from a sync of the demo estate.</summary>
public sealed partial class ReviewReportTests
{
    [Fact]
    public async Task ReviewSheet_DemoEstate_HasOneRowPerAccessPathWithTheGrantThatRevokesIt()
    {
        var (sheet, _) = await RenderAsync(OrgFixture.Demo().ToState());

        var lines = ParseCsv(sheet);
        Assert.Equal(ReviewSheetWriter.Columns, lines[0]);
        var rows = lines.Skip(1).Select(l => ReviewSheetWriter.Columns.Zip(l).ToDictionary(p => p.First, p => p.Second)).ToList();
        Assert.Equal(MultiAppSyncTests.DemoAccess.Length, rows.Count);
        Assert.All(rows, r => Assert.Equal(string.Empty, r["decision"]));

        var alice = rows.Single(r => r["login"] == "alice@acme.example");
        Assert.Equal("account:123456789012:Billing:user:00udemoalice00000001", alice["grant"]);
        Assert.Equal("direct-assignment", alice["findings"]);

        // Revoking carol's AWS Developers membership also takes her staging Developer and production ReadOnly, and lets AWS Auditors apply.
        var carol = rows.Single(r => r["login"] == "carol@acme.example" && r["role"] == "Developer" && r["account_id"] == "123456789012");
        Assert.Equal("group:00gdemoawsdevs000002:member:user:00udemocarol00000003", carol["grant"]);
        Assert.Equal("ReadOnly in 123456789012 via Amazon Web Services (production); Developer in 210987654321 via Amazon Web Services (staging)", carol["also_removes"]);
        Assert.Equal("Auditor in 123456789012 via Amazon Web Services (production)", carol["then_applies"]);

        var heidi = rows.Single(r => r["login"] == "heidi@acme.example" && r["role"] == "Billing");
        Assert.Equal("aws_555555555555_Billing (imported from active_directory: change the membership there)", heidi["source_group"]);
        Assert.Equal("group:00gdemomapbill000009:member:user:00udemoheidi00000008", heidi["grant"]);
        Assert.Contains("dormant-access", rows.Single(r => r["login"] == "frank@acme.example" && r["account_id"] == "210987654321")["findings"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewSheet_AccessAddedSinceThePreviousSync_IsMarkedNew()
    {
        var state = OrgFixture.Demo().ToState();
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);
        await harness.SyncAsync(appId: "all");
        state.AddMember("00gdemoawsadmins0001", "00udemograce00000007");
        await harness.SyncAsync(appId: "all");

        using var reader = SyncFileReader.Open(harness.FilePath);
        var data = ReviewReportData.Load(reader, null);
        using var sheet = new StringWriter();
        ReviewSheetWriter.Write(sheet, data);

        var added = Assert.Single(data.Rows, r => r.IsNew);
        Assert.Equal(("00udemograce00000007", "Admin"), (added.Access.UserId, added.Access.Role));
        Assert.Equal("sync 1 of this file", data.PreviousSource);
        Assert.Single(ParseCsv(sheet.ToString()), l => l[15] == "yes");
    }

    [Fact]
    public async Task Html_NamesFromOkta_AreEscapedAndNothingIsFetched()
    {
        var state = OrgFixture.Demo().ToState();
        state.Users["00udemobob0000000002"].FirstName = "<script>alert(1)</script>";
        state.Groups["00gdemoawsadmins0001"].Name = "Admins \" onmouseover=\"x";
        var (_, html) = await RenderAsync(state);

        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\" onmouseover=\"x", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(SrcOrExternalLink(), html);
        Assert.Equal(1, Regex.Count(html, "<script>"));
    }

    [Fact]
    public async Task Html_GroupLevelFinding_IsShownOnEveryRowThroughThatGroup()
    {
        var (_, html) = await RenderAsync(OrgFixture.Demo().ToState());

        var accounts = Regex.Match(html, "<section id=\"accounts\">.*?(?=<section id=\"admins\">)", RegexOptions.Singleline).Value;
        var stagingOpsRows = Regex.Matches(accounts, "<tr[^>]*data-f=\"[^\"]*staging ops[^\"]*\">.*?</tr>").Select(m => m.Value).Where(row => !row.Contains("<code>", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, stagingOpsRows.Count);
        Assert.All(stagingOpsRows, row => Assert.Contains(">undocumented-default-role<", row, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Html_LargeEstate_StartsWithAccountSectionsClosed()
    {
        var (_, small) = await RenderAsync(OrgFixture.Demo().ToState());
        var (_, large) = await RenderAsync(OrgFixture.Demo().ToState(), new HtmlReportOptions { OpenSectionsUpTo = 5 });

        Assert.Contains("<details class=\"account\" open id=\"account-123456789012\">", small, StringComparison.Ordinal);
        Assert.Contains("<details class=\"account\" id=\"account-123456789012\">", large, StringComparison.Ordinal);
        Assert.Contains("report --split-by account", large, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_WithIamExports_SaysWhatEachRoleIsInAwsAndListsAccessThatBypassesOkta()
    {
        using var exports = new TempDirectory();
        var (_, html) = await RenderAsync(OrgFixture.Demo().ToState(), iamExports: OrgFixture.WriteDemoIamExports(exports.Path));
        var (_, without) = await RenderAsync(OrgFixture.Demo().ToState());

        Assert.Matches("arn:aws:iam::123456789012:role/Admin</code> — exists and trusts the app", html);
        Assert.Contains("AdministratorAccess", html, StringComparison.Ordinal);
        Assert.Matches("missing in IAM[^<]*<span class=\"muted\">\\(Okta sends <code>arn:aws:iam::123456789012:role/Billing</code>", html);
        Assert.Contains("exists, but does not trust the app", html, StringComparison.Ordinal);
        var bypass = Regex.Match(html, "<section id=\"bypass\">.*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("ops-admin", bypass, StringComparison.Ordinal);
        Assert.Contains("deploy-bot", bypass, StringComparison.Ordinal);
        Assert.DoesNotContain(">root<", bypass, StringComparison.Ordinal);

        Assert.DoesNotContain("<section id=\"bypass\">", without, StringComparison.Ordinal);
        Assert.DoesNotContain("trusts the app", without, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_ManyFindingsOfOneCode_ListsTheFirstOnesAndCountsThemAll()
    {
        var (_, html) = await RenderAsync(OrgFixture.Demo().ToState(), new HtmlReportOptions { FindingsListedPerCode = 1 });

        var section = Regex.Match(html, "<section id=\"findings\">.*?</section>", RegexOptions.Singleline).Value;
        var dormant = Regex.Match(section, "<details class=\"findings\" open id=\"finding-high-dormant-access\">.*?</details>", RegexOptions.Singleline).Value;
        var total = int.Parse(Regex.Match(dormant, "</code> \\((\\d+)\\)</summary>").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(total > 1, dormant);
        Assert.Single(Regex.Matches(dormant, "<tr data-f="));
        Assert.Contains($"The first 1 of {total} are listed here", dormant, StringComparison.Ordinal);
        Assert.Matches($"<code>dormant-access</code></a></td><td>{total}</td>", section);

        // Each is still marked on its access row.
        var accounts = Regex.Match(html, "<section id=\"accounts\">.*?(?=<section id=\"admins\">)", RegexOptions.Singleline).Value;
        Assert.Equal(total, Regex.Count(accounts, "sev-high\" title=\"[^\"]*\">dormant-access</span>"));
    }

    [Fact]
    public async Task Html_AdminRoles_ListsWhoCanChangeEachAppsAccessAndFlagsNonSuperAdmins()
    {
        var (_, html) = await RenderAsync(OrgFixture.Demo().ToState());

        var admins = Regex.Match(html, "<section id=\"admins\">.*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("<h2>Who can change this access</h2>", admins, StringComparison.Ordinal);
        var production = Regex.Match(admins, "<caption>Amazon Web Services \\(production\\).*?</table>", RegexOptions.Singleline).Value;
        Assert.Matches("<tr class=\"flagged\"[^>]*><td>trent@acme.example</td>.*?the app&#39;s assignments</td><td>any role in 123456789012 the app hands out <span class=\"badge sev-medium\">can-change-aws-access</span>", production);
        Assert.Matches("<td>nina@acme.example</td>.*?membership of &#39;AWS Developers&#39;</td><td>Developer in 123456789012, ReadOnly in 123456789012</td>", production);
        Assert.DoesNotMatch("<tr class=\"flagged\"[^>]*><td>oscar@acme.example", admins);
        Assert.Contains("active_directory", admins, StringComparison.Ordinal);
        Assert.Matches("<dt>Okta admins</dt><dd>\\d+ people can change this access through Okta admin roles", html);
    }

    [Fact]
    public async Task Html_TokenThatMayNotReadRoles_SaysThisPartOfTheReviewIsMissing()
    {
        var fixture = OrgFixture.Demo();
        fixture.Org!.TokenIsSuperAdmin = false;

        var (_, html) = await RenderAsync(fixture.ToState());

        var admins = Regex.Match(html, "<section id=\"admins\">.*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("This part of the review is missing.", admins, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", admins, StringComparison.Ordinal);
        Assert.Matches("<dt>Okta admins</dt><dd>not reviewed: .*who can change this access is unknown, not nobody", html);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("-1", "'-1")]
    [InlineData("plain", "plain")]
    public void CsvCell_ValuesASpreadsheetWouldRunOrSplit_AreDefused(string value, string cell)
    {
        Assert.Equal(cell, Csv.Cell(value));
    }

    private static async Task<(string Sheet, string Html)> RenderAsync(OrgState state, HtmlReportOptions? options = null, IReadOnlyList<string>? iamExports = null)
    {
        await using var simulator = await TestSimulator.StartAsync(state);
        using var harness = new SyncHarness(simulator);
        if (iamExports is null)
        {
            await harness.SyncAsync(appId: "all");
        }
        else
        {
            await harness.SyncAsync(o => o with { Iam = BatonOktaAws.Core.Iam.IamExportLoader.Load(iamExports) }, appId: "all");
        }

        using var reader = SyncFileReader.Open(harness.FilePath);
        var data = ReviewReportData.Load(reader, null);
        using var sheet = new StringWriter();
        using var html = new StringWriter();
        ReviewSheetWriter.Write(sheet, data);
        HtmlReportWriter.Write(html, data, options ?? new HtmlReportOptions());
        return (sheet.ToString(), html.ToString());
    }

    /// <summary>An RFC 4180 reader, written apart from the writer, so the test reads the sheet as a spreadsheet would.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else if (c != '\r')
            {
                cell.Append(c);
            }
        }

        return rows;
    }

    [GeneratedRegex("""(src\s*=|href\s*=\s*"(https?:|//))""", RegexOptions.IgnoreCase)]
    private static partial Regex SrcOrExternalLink();
}
