using System.Runtime.InteropServices;
using BatonOktaAws.Cli;

// Ctrl-C (SIGINT) and SIGTERM cancel the run safely; a second one ends the process at once (exit 130).
using var interrupts = new Interrupts(Environment.Exit);
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle);

return await CliApplication.RunAsync(args, CliEnvironment.FromProcess(), interrupts.Token);

void Handle(PosixSignalContext context)
{
    context.Cancel = true;
    interrupts.Interrupt();
}
