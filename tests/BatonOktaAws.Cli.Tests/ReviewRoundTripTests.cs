using System.Text.Json;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;

namespace BatonOktaAws.Cli.Tests;

/// <summary>
/// The whole review loop on the command line: sync, the review sheet from <c>report</c>, a reviewer marking rows,
/// <c>revoke --from-file</c>, and a sync that shows exactly those access paths gone.
/// </summary>
public sealed class ReviewRoundTripTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task RevokeFromFile_SheetFromReportWithTwoRowsMarked_RemovesExactlyThoseAccessPaths()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        var file = _temp.File("aws.db");
        var variables = CliRun.Variables(simulator, file);
        variables["BATON_AWS_OKTA_APP_ID"] = "all";
        Assert.Equal(0, (await CliRun.RunAsync(variables, "sync")).ExitCode);
        var before = await AccessAsync(file);

        var sheet = _temp.File("review.csv");
        Assert.Equal(0, (await CliRun.RunAsync(null, "report", "--file", file, "--out", sheet)).ExitCode);

        // The reviewer's edit: "revoke" in the (first, empty) decision cell of two rows — one direct assignment,
        // one group membership — and nothing else touched.
        var lines = await File.ReadAllLinesAsync(sheet);
        var marked = 0;
        for (var i = 1; i < lines.Length; i++)
        {
            if (IsRow(lines[i], "alice@acme.example", "Billing") || IsRow(lines[i], "erin@acme.example", "Auditor"))
            {
                Assert.StartsWith(",", lines[i], StringComparison.Ordinal);
                lines[i] = "revoke" + lines[i];
                marked++;
            }
        }

        Assert.Equal(2, marked);
        await File.WriteAllLinesAsync(sheet, lines);

        var dryRun = await CliRun.RunAsync(variables, "revoke", "--from-file", sheet, "--dry-run");
        Assert.Equal(0, dryRun.ExitCode);
        Assert.Equal(before, await AccessAsync(file));
        var applied = await CliRun.RunAsync(variables, "revoke", "--from-file", sheet, "--provisioning");
        Assert.True(applied.ExitCode == 0, applied.All);
        Assert.Equal(0, (await CliRun.RunAsync(variables, "sync")).ExitCode);

        var after = await AccessAsync(file);
        Assert.Equal(
            [("alice@acme.example", "123456789012", "Billing", "direct"), ("erin@acme.example", "123456789012", "Auditor", "group:00gdemoawsaudit00003")],
            before.Except(after).Order().ToList());
        Assert.Empty(after.Except(before));

        // Applying the same sheet again changes nothing: the access is already gone.
        var again = await CliRun.RunAsync(variables, "revoke", "--from-file", sheet, "--provisioning");
        Assert.True(again.ExitCode == 0, again.All);
        Assert.Equal(0, (await CliRun.RunAsync(variables, "sync")).ExitCode);
        Assert.Equal(after, await AccessAsync(file));
    }

    private static bool IsRow(string line, string login, string role) =>
        line.Contains("," + login + ",", StringComparison.Ordinal) && line.Contains("," + role + ",", StringComparison.Ordinal);

    private static async Task<List<(string Login, string Account, string Role, string Source)>> AccessAsync(string file)
    {
        var result = await CliRun.RunAsync(null, "access", "--file", file, "--output", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        return json.RootElement.EnumerateArray()
            .Select(r => (r.GetProperty("login").GetString()!, r.GetProperty("accountId").GetString()!, r.GetProperty("role").GetString()!, r.GetProperty("source").GetString()!))
            .Order()
            .ToList();
    }
}
