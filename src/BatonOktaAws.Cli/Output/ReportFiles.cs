using System.Text;

namespace BatonOktaAws.Cli.Output;

/// <summary>Writes a report file beside its target and renames it into place, so a reader never sees half a report.</summary>
internal static class ReportFiles
{
    public static void Write(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(directory))
        {
            throw new UsageException($"--out: the directory {directory} does not exist; create it first.");
        }

        // The report is renamed into place, which would turn a device such as /dev/null into a regular file.
        if (Store.FileKind.SpecialFileAt(path) is { } kind)
        {
            throw new UsageException($"--out {path} is {kind}, not a file; the report is renamed into place and would replace it. Give a file path.");
        }

        // A report replaces an older report; never a sync file (a typo of --file for --out) or a c1z.
        DataFileGuard.Refuse("--out", path, "writing the report there would destroy it");

        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" })
            {
                write(writer);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
