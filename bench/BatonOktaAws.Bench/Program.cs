using System.Globalization;
using System.Security.Cryptography;
using BatonOktaAws.Bench;
using BatonOktaAws.Store;
using OktaSimulator;
using OktaSimulator.Fixtures;
using OktaSimulator.Http;

// Usage (docs/benchmarks.md):
//   dotnet run -c Release --project bench/BatonOktaAws.Bench -- [--sizes S,M,L,L20] [--modes A,B] [--concurrency 8]
//       [--group-members-page-size N] [--groups-page-size N] [--repeat N] [--native]
//       [--cli path/to/baton-okta-aws.dll-or-native-executable --assume-page-sizes M,G]
//   (without --cli it publishes src/BatonOktaAws.Cli -c Release, ReadyToRun as installed — or with --native as a
//   Native AOT executable — and measures that)
//   dotnet run -c Release --project bench/BatonOktaAws.Bench -- dump <sync file>      (every data table, sorted, for before/after diffs)
if (args.Length == 2 && args[0] == "dump")
{
    using var reader = SyncFileReader.Open(args[1]);
    var latest = reader.Latest();
    foreach (var table in latest.RowCounts().Keys.Order(StringComparer.Ordinal))
    {
        foreach (var row in latest.DumpTable(table))
        {
            Console.WriteLine($"{table}|{row}");
        }
    }

    return 0;
}

var sizes = Arg("--sizes", "S,M,L,L20")!.Split(',', StringSplitOptions.RemoveEmptyEntries);
var modes = Arg("--modes", "A,B")!.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(BenchMode.Named).ToList();
var concurrency = Number("--concurrency", 8);
var repeat = Number("--repeat", 1);
var cli = Arg("--cli", null) ?? await PublishedCli.PublishAsync(native: args.Contains("--native"));
var memberPageSize = Arg("--group-members-page-size", null);
var groupsPageSize = Arg("--groups-page-size", null);

// The page sizes the sync will ask for: the ones passed, else the connector's defaults (or, for an older build
// run with --cli, the sizes it is known to use).
var assumed = Arg("--assume-page-sizes", null)?.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var pageSizes = new PageSizes(
    memberPageSize is null ? assumed?[0] ?? PageSizes.Default.GroupMembers : int.Parse(memberPageSize, CultureInfo.InvariantCulture),
    groupsPageSize is null ? assumed?[1] ?? PageSizes.Default.Groups : int.Parse(groupsPageSize, CultureInfo.InvariantCulture));
List<string> syncArgs = ["--concurrency", concurrency.ToString(CultureInfo.InvariantCulture)];
if (memberPageSize is not null)
{
    syncArgs.AddRange(["--group-members-page-size", memberPageSize]);
}

if (groupsPageSize is not null)
{
    syncArgs.AddRange(["--groups-page-size", groupsPageSize]);
}

Console.Error.WriteLine($"baton-okta-aws benchmark: sizes {string.Join(',', sizes)}, modes {string.Join(',', modes.Select(m => m.Name))}, concurrency {concurrency}, page sizes {pageSizes.GroupMembers} members / {pageSizes.Groups} groups, {Environment.ProcessorCount} cores, {cli}");
var rows = new List<string>();
foreach (var size in sizes)
{
    var shape = OrgShape.Named(size);
    var state = OrgGenerator.Generate(shape);

    // One app is synced by id (as the one-app presets always were); several are found with `all`.
    var many = shape.AwsApps > 1;
    var apps = many
        ? state.Apps.Values.Where(a => a.IsAws && a.Status == "ACTIVE").OrderBy(a => a.Id, StringComparer.Ordinal).ToList()
        : [state.Apps[state.AwsAppId!]];
    var selection = many ? "all" : state.AwsAppId!;
    var budget = RequestBudget.For(state, apps, discovered: many, pageSizes);
    var appUsers = apps.SelectMany(state.AppUserIds).Distinct(StringComparer.Ordinal).Count();
    var largest = apps.SelectMany(a => a.GroupAssignments.Keys).Distinct(StringComparer.Ordinal).MaxBy(g => state.Groups[g].Members.Count)!;
    Console.Error.WriteLine($"{size}: {state.Users.Count} users, {state.Groups.Count} groups, {apps.Count} AWS app(s), {appUsers} app users; minimum {budget.Minimum} requests ({string.Join(", ", budget.MinimumByBucket.Select(b => $"{b.Key} {b.Value}"))})");
    foreach (var mode in modes)
    {
        var byCpu = new List<(double Cpu, string Row)>();
        for (var attempt = 0; attempt < repeat; attempt++)
        {
            var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            await using var simulator = await OktaSimulatorServer.StartAsync(
                new SimulatorOptions { ApiToken = token, RateLimits = mode.Limits, Faults = new FaultPlan { Latency = mode.Latency } },
                state);
            var directory = Directory.CreateTempSubdirectory("baton-okta-aws-bench-");
            try
            {
                var file = Path.Combine(directory.FullName, "sync.db");
                var domain = simulator.BaseAddress.GetLeftPart(UriPartial.Authority);
                var run = await SyncProcess.RunAsync(cli, domain, token, selection, file, syncArgs);
                if (run.ExitCode != 0)
                {
                    Console.Error.WriteLine($"  {size} mode {mode.Name}: sync failed ({run.ExitCode}): {run.Stderr}");
                    byCpu.Add((double.MaxValue, $"| {size} | {apps.Count} | {mode.Name} | failed ({run.ExitCode}) | | | | | | | | | | | {run.LoadAverage:0.0} |"));
                    continue;
                }

                var requests = simulator.Requests.Entries;
                var counted = requests.Count(budget.Counts);
                var other = requests.Count - counted;
                var tooMany = requests.Count(r => r.Status == 429);
                var memberPageBytes = await PageBytes.MeasureAsync(simulator.BaseAddress, token, $"/api/v1/groups/{largest}/users?limit={pageSizes.GroupMembers}");
                long writtenRows;
                using (var reader = SyncFileReader.Open(file))
                {
                    writtenRows = reader.Latest().RowCounts().Values.Sum();
                }

                var wall = run.Wall.TotalSeconds;
                string bound = "", ratio = "";
                if (mode == BenchMode.B)
                {
                    // The slowest of: each bucket's requests at the token's share of its rate, and all requests at the latency over the concurrency cap.
                    var byBucket = requests.GroupBy(r => r.Bucket).ToDictionary(g => g.Key, g => g.Count());
                    var limitBound = byBucket.Max(b => b.Value / (mode.Limits.LimitFor(b.Key) * mode.Limits.TokenShare) * 60.0);
                    var latencyBound = requests.Count * mode.Latency.TotalSeconds / concurrency;
                    var boundSeconds = Math.Max(limitBound, latencyBound);
                    bound = boundSeconds.ToString("0.0", CultureInfo.InvariantCulture);
                    ratio = (wall / boundSeconds).ToString("0.00", CultureInfo.InvariantCulture);
                }

                var row = string.Create(CultureInfo.InvariantCulture,
                    $"| {size} | {apps.Count} | {mode.Name} | {counted} / {budget.Minimum} ({counted - budget.Minimum:+0;-0;+0}) | {other} | {tooMany} ({100.0 * tooMany / requests.Count:0.0}%) | {budget.PerUserDesign} | {wall:0.0} | {run.CpuSeconds:0.0} | {run.PeakRssBytes / 1024.0 / 1024.0:0} | {writtenRows / wall:0} | {bound} | {ratio} | {memberPageBytes / 1024.0:0} | {run.LoadAverage:0.0} |");
                Console.Error.WriteLine("  " + row);
                byCpu.Add((run.CpuSeconds, row));
            }
            finally
            {
                directory.Delete(recursive: true);
            }
        }

        // With --repeat, the run of median CPU time stands for the row (the machine is shared; every run is on standard error).
        rows.Add(byCpu.OrderBy(r => r.Cpu).ElementAt(byCpu.Count / 2).Row);
    }
}

Console.WriteLine("| size | AWS apps | mode | requests / minimum | other requests | 429s | per-user design | wall s | CPU s | peak RSS MB | rows/s | bound s | wall/bound | member page KB | load |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
foreach (var row in rows)
{
    Console.WriteLine(row);
}

return 0;

string? Arg(string name, string? fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

int Number(string name, int fallback) => int.Parse(Arg(name, fallback.ToString(CultureInfo.InvariantCulture))!, CultureInfo.InvariantCulture);
