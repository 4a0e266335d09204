using System.Runtime.InteropServices;
using BatonOktaAws.Cli;

// Ctrl-C and SIGTERM cancel the run: a sync stops without touching the previous sync file.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

return await CliApplication.RunAsync(args, CliEnvironment.FromProcess(), cancellation.Token);
