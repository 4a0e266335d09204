using System.CommandLine;
using System.Text.Json;
using OktaSimulator;
using OktaSimulator.Fixtures;
using OktaSimulator.Http;
using OktaSimulator.Model;

// The simulator as its own process, for the demo, the benchmark harness and manual exploration.
// The token it accepts comes from OKTA_SIMULATOR_API_TOKEN or --api-token-file, never from the command line.
var port = new Option<int>("--port") { Description = "Loopback port (0 picks a free one).", DefaultValueFactory = _ => 0 };
var tokenFile = new Option<FileInfo?>("--api-token-file") { Description = "File holding the API token to accept (else OKTA_SIMULATOR_API_TOKEN)." };
var fixture = new Option<FileInfo?>("--fixture") { Description = "Serve this JSON fixture instead of a generated org." };
var demo = new Option<bool>("--demo") { Description = "Serve the bundled demo org." };
var size = new Option<string>("--size") { Description = "Generated org preset: S, M, L or L20 (L over 20 AWS apps).", DefaultValueFactory = _ => "S" };
var seed = new Option<int?>("--seed") { Description = "Generator seed." };
var users = new Option<int?>("--users") { Description = "Override: users in the org." };
var appUsers = new Option<int?>("--app-users") { Description = "Override: users assigned to the AWS app." };
var directAppUsers = new Option<int?>("--direct-app-users") { Description = "Override: of those, directly assigned." };
var groups = new Option<int?>("--groups") { Description = "Override: groups in the org." };
var assignedGroups = new Option<int?>("--assigned-groups") { Description = "Override: groups assigned to the AWS app." };
var largeGroupSize = new Option<int?>("--large-group-size") { Description = "Override: members of each large assigned group." };
var awsApps = new Option<int?>("--aws-apps") { Description = "Override: AWS app instances sharing the app users (1 = the preset's one app)." };
var nonAwsApps = new Option<int?>("--non-aws-apps") { Description = "Override: apps of other kinds (the first is an Active Directory app)." };
var adminRoleHolders = new Option<int?>("--admin-role-holders") { Description = "Override: users and groups holding Okta admin roles." };
var groupMapping = new Option<bool>("--group-mapping") { Description = "Generate a group-mapping AWS app." };
var joinAllRoles = new Option<bool>("--join-all-roles") { Description = "Generate with joinAllRoles on." };
var union = new Option<bool>("--saml-roles-union") { Description = "Generate with the samlRoles union ENABLE." };
var notSuperAdmin = new Option<bool>("--token-not-super-admin") { Description = "The token's admin is not a super admin: every roles endpoint answers 403." };
var unlimited = new Option<bool>("--no-rate-limits") { Description = "Serve limits so high they never bite." };
var tokenShare = new Option<double?>("--token-share") { Description = "Share of each bucket one token may use (default 0.5)." };
var latency = new Option<int>("--latency-ms") { Description = "Latency added to every API request.", DefaultValueFactory = _ => 0 };
var latencyJitter = new Option<int>("--latency-jitter-ms") { Description = "Random extra latency, 0..N ms.", DefaultValueFactory = _ => 0 };
var serverErrorEvery = new Option<int>("--fault-5xx-every") { DefaultValueFactory = _ => 0 };
var tooManyEvery = new Option<int>("--fault-429-every") { DefaultValueFactory = _ => 0 };
var resetEvery = new Option<int>("--fault-reset-every") { DefaultValueFactory = _ => 0 };
var malformedEvery = new Option<int>("--fault-malformed-every") { DefaultValueFactory = _ => 0 };
var slowEvery = new Option<int>("--fault-slow-every") { DefaultValueFactory = _ => 0 };
var slowMs = new Option<int>("--fault-slow-ms") { DefaultValueFactory = _ => 30_000 };

var root = new RootCommand("A simulated Okta org with an Amazon Web Services app, served on 127.0.0.1.")
{
    port, tokenFile, fixture, demo, size, seed, users, appUsers, directAppUsers, groups, assignedGroups, largeGroupSize,
    awsApps, nonAwsApps, adminRoleHolders,
    groupMapping, joinAllRoles, union, notSuperAdmin, unlimited, tokenShare, latency, latencyJitter,
    serverErrorEvery, tooManyEvery, resetEvery, malformedEvery, slowEvery, slowMs,
};

root.SetAction(async (parse, cancellationToken) =>
{
    var token = parse.GetValue(tokenFile) is { } file
        ? (await File.ReadAllTextAsync(file.FullName, cancellationToken)).Trim()
        : Environment.GetEnvironmentVariable("OKTA_SIMULATOR_API_TOKEN");
    if (string.IsNullOrWhiteSpace(token))
    {
        await Console.Error.WriteLineAsync("okta-simulator: set OKTA_SIMULATOR_API_TOKEN or pass --api-token-file.");
        return 2;
    }

    OrgState state;
    try
    {
        state = LoadOrg(parse);
    }
    catch (Exception ex) when (ex is ArgumentException or InvalidDataException or IOException or JsonException)
    {
        // A wrong size, shape or fixture: one line naming the problem, no stack trace.
        var message = ex is ArgumentException { ParamName: { } name } ? ex.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : ex.Message;
        await Console.Error.WriteLineAsync($"okta-simulator: {message}");
        return 2;
    }

    var limits = parse.GetValue(unlimited) ? RateLimitSettings.Unlimited : RateLimitSettings.OktaDefaults;
    if (parse.GetValue(tokenShare) is { } share)
    {
        limits = limits with { TokenShare = share };
    }

    var options = new SimulatorOptions
    {
        ApiToken = token,
        Port = parse.GetValue(port),
        RateLimits = limits,
        TokenIsSuperAdmin = parse.GetValue(notSuperAdmin) ? false : null,
        Faults = new FaultPlan
        {
            Latency = TimeSpan.FromMilliseconds(parse.GetValue(latency)),
            LatencyJitter = TimeSpan.FromMilliseconds(parse.GetValue(latencyJitter)),
            ServerErrorEvery = parse.GetValue(serverErrorEvery),
            TooManyRequestsEvery = parse.GetValue(tooManyEvery),
            ConnectionResetEvery = parse.GetValue(resetEvery),
            MalformedJsonEvery = parse.GetValue(malformedEvery),
            SlowResponseEvery = parse.GetValue(slowEvery),
            SlowResponseDelay = TimeSpan.FromMilliseconds(parse.GetValue(slowMs)),
        },
    };

    using var shutdown = new ShutdownSignal();
    await using var server = await OktaSimulatorServer.StartAsync(options, state, cancellationToken);
    // One JSON line on stdout so a parent process can read where to connect.
    Console.WriteLine(new System.Text.Json.Nodes.JsonObject
    {
        ["baseUrl"] = server.BaseAddress.ToString().TrimEnd('/'),
        ["awsAppId"] = state.AwsAppId,
        ["awsApps"] = state.AwsAppIds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["users"] = state.Users.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.ToJsonString());
    await Console.Out.FlushAsync(cancellationToken);
    await Console.Error.WriteLineAsync($"okta-simulator: serving {state.Users.Count} users on {server.BaseAddress} (Ctrl+C to stop)");
    try
    {
        await Task.Delay(Timeout.Infinite, shutdown.Token);
    }
    catch (OperationCanceledException)
    {
        // Ctrl+C or SIGTERM: stop serving (the server is disposed on the way out) and exit 0.
    }

    await server.StopAsync();
    await Console.Error.WriteLineAsync($"okta-simulator: {shutdown.Received} received, stopped");
    return 0;
});

// The org to serve: a fixture file, the bundled demo, or a generated one from --size and its overrides.
OrgState LoadOrg(ParseResult parse)
{
    if (parse.GetValue(fixture) is { } fixtureFile)
    {
        return OrgFixture.Load(fixtureFile.FullName).ToState();
    }

    if (parse.GetValue(demo))
    {
        return OrgFixture.Demo().ToState();
    }

    var shape = OrgShape.Named(parse.GetValue(size)!);
    shape = shape with
    {
        Seed = parse.GetValue(seed) ?? shape.Seed,
        Users = parse.GetValue(users) ?? shape.Users,
        AppUsers = parse.GetValue(appUsers) ?? shape.AppUsers,
        DirectAppUsers = parse.GetValue(directAppUsers) ?? shape.DirectAppUsers,
        Groups = parse.GetValue(groups) ?? shape.Groups,
        AssignedGroups = parse.GetValue(assignedGroups) ?? shape.AssignedGroups,
        LargeGroupSize = parse.GetValue(largeGroupSize) ?? shape.LargeGroupSize,
        AwsApps = parse.GetValue(awsApps) ?? shape.AwsApps,
        NonAwsApps = parse.GetValue(nonAwsApps) ?? shape.NonAwsApps,
        AdminRoleHolders = parse.GetValue(adminRoleHolders) ?? shape.AdminRoleHolders,
        Mode = parse.GetValue(groupMapping) ? AwsAppMode.GroupMapping : AwsAppMode.SingleAccount,
        JoinAllRoles = parse.GetValue(joinAllRoles),
        SamlRolesUnion = parse.GetValue(union),
    };
    return OrgGenerator.Generate(shape);
}

// The process's signals are ShutdownSignal's: System.CommandLine's own handling (which ends the process with a
// non-zero code two seconds after a signal) stays off.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
