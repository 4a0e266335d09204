using System.CommandLine;
using BatonOktaAws.Cli.Options;
using BatonOktaAws.Core.Baton.Export;

namespace BatonOktaAws.Cli.Commands;

/// <summary>
/// The flags of the commands that read a sync the way the <c>baton</c> CLI reads a c1z (<c>resources</c>,
/// <c>entitlements</c>, <c>grants</c>, <c>stats</c>): the file — a sync file, or a c1z recognised by its C1Z
/// header — which sync of a sync file, and the output format.
/// </summary>
internal sealed class BatonFileOptions
{
    public static readonly string[] Formats = ["table", "json"];

    public Option<string?> File { get; } = FileOption.Create("Sync file, or c1z, to read (default sync.db); a c1z is recognised by Baton's C1Z header.");

    public NumberOption Sync { get; } = SyncIdOption.Create(description: "Read this sync of a sync file (an id from `baton-okta-aws syncs`); a c1z is read at the sync baton shows (its latest finished full sync).");

    public ChoiceOption Output { get; } = new("--output", Formats, "table", "table for people, or json (the baton CLI's JSON).", "-o");

    public void AddTo(Command command)
    {
        command.Add(File);
        command.Add(Sync);
        command.Add(Output);
    }

    /// <exception cref="UsageException">--sync names a sync of a c1z.</exception>
    public IBatonObjects Open(OptionValues values)
    {
        var path = FileOption.Resolve(values, File);
        var syncId = values.Read(Sync);
        if (syncId is not null && BatonObjectsFile.IsC1z(path))
        {
            throw new UsageException($"{values.SourceOf(Sync)} picks a sync of a sync file, but {path} is a c1z; it is read at its latest finished full sync, as baton reads it.");
        }

        return BatonObjectsFile.Open(path, syncId);
    }
}
