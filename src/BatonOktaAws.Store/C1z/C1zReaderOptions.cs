namespace BatonOktaAws.Store.C1z;

/// <summary>How a <see cref="C1zReader"/> opens a file.</summary>
public sealed record C1zReaderOptions
{
    /// <summary>The sync run to read; null reads the one Baton would show (see <see cref="C1zReader"/>).</summary>
    public string? SyncId { get; init; }

    /// <summary>Where the decompressed database goes while the reader is open; null uses the system's temp directory.</summary>
    public string? TempDirectory { get; init; }

    /// <summary>The largest database the file may decompress to (Baton's own default limit is 10 GiB).</summary>
    public long MaxDatabaseBytes { get; init; } = 10L * 1024 * 1024 * 1024;
}
