using System.Globalization;
using System.Security.Cryptography;
using BatonOktaAws.Bench;
using BatonOktaAws.Store;
using OktaSimulator;
using OktaSimulator.Fixtures;
using OktaSimulator.Http;

// Usage: dotnet run -c Release --project bench/BatonOktaAws.Bench -- [--sizes S,M,L] [--modes A,B] [--concurrency 8]
var sizes = Arg("--sizes", "S,M,L").Split(',', StringSplitOptions.RemoveEmptyEntries);
var modes = Arg("--modes", "A,B").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(BenchMode.Named).ToList();
var concurrency = int.Parse(Arg("--concurrency", "8"), CultureInfo.InvariantCulture);

Console.Error.WriteLine($"baton-okta-aws benchmark: sizes {string.Join(',', sizes)}, modes {string.Join(',', modes.Select(m => m.Name))}, concurrency {concurrency}, {Environment.ProcessorCount} cores");
var rows = new List<string>();
foreach (var size in sizes)
{
    var shape = OrgShape.Named(size);
    var state = OrgGenerator.Generate(shape);
    var budget = RequestBudget.For(state);
    var app = state.Apps[state.AwsAppId!];
    Console.Error.WriteLine($"{size}: {state.Users.Count} users, {state.Groups.Count} groups, {app.GroupAssignments.Count} assigned, {state.AppUserIds(app).Count} app users; minimum {budget.Minimum} requests");
    foreach (var mode in modes)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await using var simulator = await OktaSimulatorServer.StartAsync(
            new SimulatorOptions { ApiToken = token, RateLimits = mode.Limits, Faults = new FaultPlan { Latency = mode.Latency } },
            state);
        var directory = Directory.CreateTempSubdirectory("baton-okta-aws-bench-");
        try
        {
            var file = Path.Combine(directory.FullName, "sync.db");
            var run = await SyncProcess.RunAsync(simulator.BaseAddress.GetLeftPart(UriPartial.Authority), token, state.AwsAppId!, file, concurrency);
            if (run.ExitCode != 0)
            {
                Console.Error.WriteLine($"  mode {mode.Name}: sync failed ({run.ExitCode}): {run.Stderr}");
                rows.Add($"| {size} | {mode.Name} | failed | | | | | | | |");
                continue;
            }

            var requests = simulator.Requests.Entries;
            var tooMany = requests.Count(r => r.Status == 429);
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
                $"| {size} | {mode.Name} | {requests.Count} / {budget.Minimum} (+{requests.Count - budget.Minimum}) | {budget.PerUserDesign} | {wall:0.0} | {run.CpuSeconds:0.0} | {run.PeakRssBytes / 1024.0 / 1024.0:0} | {writtenRows / wall:0} | {bound} | {ratio} | {tooMany} ({100.0 * tooMany / requests.Count:0.0}%) |");
            rows.Add(row);
            Console.Error.WriteLine("  " + row);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

Console.WriteLine("| size | mode | requests / minimum | per-user design | wall s | CPU s | peak RSS MB | rows/s | bound s | wall/bound | 429s |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
foreach (var row in rows)
{
    Console.WriteLine(row);
}

string Arg(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
