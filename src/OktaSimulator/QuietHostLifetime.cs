using Microsoft.Extensions.Hosting;

namespace OktaSimulator;

/// <summary>
/// A host lifetime that leaves process signals alone. ASP.NET Core's default console lifetime takes Ctrl+C and
/// SIGTERM for itself (it stops the host and cancels the process's exit), so a simulator embedded in a test run
/// would swallow them and the okta-simulator process would never see them. Whoever owns the process decides.
/// </summary>
internal sealed class QuietHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
