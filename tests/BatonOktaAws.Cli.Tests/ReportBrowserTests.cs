using BatonOktaAws.TestSupport;
using Microsoft.Playwright;

namespace BatonOktaAws.Cli.Tests;

/// <summary>The HTML report as a person sees it: rendered by a real headless Chromium from a file on disk.</summary>
public sealed class ReportBrowserTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        var executable = HeadlessChromium.ExecutablePath();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true, Args = HeadlessChromium.Arguments });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Report_DemoEstate_ShowsEveryAccessRowAndMakesNoRequest()
    {
        var html = await ReportAsync();
        await using var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        await page.GotoAsync(new Uri(html).AbsoluteUri);
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = _temp.File("report.png"), FullPage = true });

        Assert.Equal([new Uri(html).AbsoluteUri], requests);
        Assert.Equal(MultiAppDemo.AccessRows, await page.Locator("table.access tbody tr").CountAsync());
        var admins = page.Locator("#account-123456789012 section.role").Filter(new LocatorFilterOptions { HasText = "Admin in 123456789012" });
        Assert.Equal(["bob@acme.example"], await admins.Locator("tbody tr td:first-child").AllInnerTextsAsync());
        Assert.Equal(["123456789012", "210987654321", "555555555555"], await page.Locator("table.matrix tbody th").AllInnerTextsAsync());
        var dormant = await page.Locator("table.access tr.dormant").AllInnerTextsAsync();
        Assert.Equal(6, dormant.Count);
        Assert.All(dormant, row => Assert.Matches("^(dave|frank)@acme.example\t.*\t(SUSPENDED|DEPROVISIONED): cannot sign in\t", row));
        Assert.True(png.Length > 20_000);
        Assert.True(await page.Locator("#filter").IsVisibleAsync());

        // docs/report-demo.png is this view: BATON_OKTA_AWS_SCREENSHOT=$PWD/docs/report-demo.png dotnet test --filter Report_DemoEstate (an absolute path: tests run in bin/)
        if (Environment.GetEnvironmentVariable("BATON_OKTA_AWS_SCREENSHOT") is { Length: > 0 } keep)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.GetFullPath(keep), FullPage = false });
        }
    }

    [Fact]
    public async Task Report_FilterBox_NarrowsTheRowsToTheWordsTyped()
    {
        var html = await ReportAsync();
        var page = await _browser!.NewPageAsync();
        await page.GotoAsync(new Uri(html).AbsoluteUri);

        await page.FillAsync("#q", "grace readonly");
        await page.Locator("#shown:not(:empty)").WaitForAsync();

        var visible = await page.Locator("table.access tbody tr:visible").AllInnerTextsAsync();
        Assert.Equal(2, visible.Count);
        Assert.All(visible, row => Assert.StartsWith("grace@acme.example", row, StringComparison.Ordinal));
        Assert.Equal("2 matching rows", await page.Locator("#shown").InnerTextAsync());
        Assert.False(await page.Locator("#account-555555555555").IsVisibleAsync());

        await page.FillAsync("#q", "erin auditor");
        await page.Locator("#shown:text('1 matching row')").WaitForAsync();
        Assert.Single(await page.Locator("tr[data-f]:visible").AllInnerTextsAsync());
    }

    [Fact]
    public async Task Report_WithoutScript_ShowsEverythingAndHidesTheFilter()
    {
        var html = await ReportAsync();
        await using var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(html).AbsoluteUri);

        Assert.False(await page.Locator("#filter").IsVisibleAsync());
        Assert.Equal(MultiAppDemo.AccessRows, await page.Locator("table.access tbody tr:visible").CountAsync());
    }

    [Fact]
    public async Task Report_Printed_OpensEveryClosedSection()
    {
        var html = await ReportAsync("--split-by", "none");
        var page = await _browser!.NewPageAsync();
        await page.GotoAsync(new Uri(html).AbsoluteUri);
        await page.EvaluateAsync("document.querySelectorAll('details').forEach(d => d.open = false)");

        await page.EvaluateAsync("window.dispatchEvent(new Event('beforeprint'))");
        var pdf = await page.PdfAsync();

        Assert.Equal(0, await page.Locator("details:not([open])").CountAsync());
        Assert.True(pdf.Length > 10_000);
    }

    private async Task<string> ReportAsync(params string[] more)
    {
        var file = _temp.File("aws.db");
        if (!File.Exists(file))
        {
            Assert.Equal(0, (await CliRun.RunAsync(null, "demo", "--file", file)).ExitCode);
        }

        var html = _temp.File("review.html");
        var result = await CliRun.RunAsync(null, ["report", "--file", file, "--out", html, .. more]);
        Assert.Equal(0, result.ExitCode);
        return html;
    }
}
