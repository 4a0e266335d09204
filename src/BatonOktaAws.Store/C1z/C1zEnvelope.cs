using System.Buffers.Binary;
using ZstdSharp;
using ZstdSharp.Unsafe;

namespace BatonOktaAws.Store.C1z;

/// <summary>
/// The outside of a v1 c1z: the header, then the SQLite database as one zstd frame. Like Baton's saveC1z, the frame
/// carries the database's size (Frame_Content_Size) and an XXH64 checksum, so truncation and corruption show.
/// </summary>
internal static class C1zEnvelope
{
    private const int BufferSize = 1 << 20;
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    /// <summary>Writes header and compressed database to <paramref name="output"/> and flushes it to disk.</summary>
    public static void Write(string databasePath, FileStream output, int compressionLevel, CancellationToken cancellationToken)
    {
        using var database = new FileStream(databasePath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        output.Write(C1zFormat.V1Header);
        using (var zstd = new CompressionStream(output, compressionLevel, BufferSize, leaveOpen: true))
        {
            zstd.SetParameter(ZSTD_cParameter.ZSTD_c_checksumFlag, 1);
            zstd.SetPledgedSrcSize((ulong)database.Length);
            var buffer = new byte[BufferSize];
            int read;
            while ((read = database.Read(buffer)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                zstd.Write(buffer.AsSpan(0, read));
            }
        }

        output.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Checks the header of <paramref name="c1zPath"/> and decompresses its database to <paramref name="databasePath"/>;
    /// throws <see cref="C1zException"/> (one line, naming the file) for anything that is not an intact v1 c1z.
    /// </summary>
    public static void Extract(string c1zPath, string databasePath, long maxDatabaseBytes)
    {
        FileStream input;
        try
        {
            input = new FileStream(c1zPath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new C1zException($"'{c1zPath}' does not exist.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new C1zException($"'{c1zPath}' cannot be opened: {e.Message}", e);
        }

        using (input)
        {
            CheckHeader(c1zPath, input);
            using var output = new FileStream(databasePath, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize);
            try
            {
                using var zstd = new DecompressionStream(input, BufferSize, checkEndOfStream: true, leaveOpen: true);
                var buffer = new byte[BufferSize];
                int read;
                while ((read = zstd.Read(buffer)) > 0)
                {
                    if (output.Length + read > maxDatabaseBytes)
                    {
                        throw new C1zException($"'{c1zPath}' decompresses to more than {maxDatabaseBytes} bytes, the most this reader accepts.");
                    }

                    output.Write(buffer.AsSpan(0, read));
                }
            }
            catch (EndOfStreamException e)
            {
                throw new C1zException($"'{c1zPath}' is truncated: its zstd stream ends before the database does.", e);
            }
            catch (ZstdException e)
            {
                throw new C1zException($"'{c1zPath}' is corrupt: its zstd stream cannot be decompressed ({e.Message}).", e);
            }
        }

        CheckDatabase(c1zPath, databasePath);
    }

    private static void CheckHeader(string c1zPath, FileStream input)
    {
        Span<byte> header = stackalloc byte[C1zFormat.HeaderLength];
        var read = input.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (read == header.Length && header.SequenceEqual(C1zFormat.V1Header))
        {
            return;
        }

        if (read == header.Length && header.SequenceEqual(C1zFormat.V3Header))
        {
            throw new C1zException($"'{c1zPath}' is a c1z v3 file (header C1Z3); only v1 (C1ZF, a SQLite database) can be read.");
        }

        if (read == header.Length && header.StartsWith(C1zFormat.Magic))
        {
            throw new C1zException($"'{c1zPath}' is a c1z of an unknown format version (header {Convert.ToHexString(header)}); only v1 (C1ZF) can be read.");
        }

        throw new C1zException(read == 0
            ? $"'{c1zPath}' is empty, not a c1z file."
            : $"'{c1zPath}' is not a c1z file: it does not start with the C1ZF header.");
    }

    /// <summary>
    /// A database cut short at a zstd frame boundary would decompress cleanly; SQLite's header says how long the
    /// file must be, so check it before handing the file to SQLite.
    /// </summary>
    private static void CheckDatabase(string c1zPath, string databasePath)
    {
        using var database = new FileStream(databasePath, FileMode.Open, FileAccess.Read, FileShare.Read);
        Span<byte> header = stackalloc byte[100];
        if (database.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || !header[..16].SequenceEqual(SqliteHeader))
        {
            throw new C1zException(database.Length == 0
                ? $"'{c1zPath}' holds no database: its zstd stream is empty."
                : $"'{c1zPath}' is corrupt: its zstd stream does not hold a SQLite database.");
        }

        var pageSize = BinaryPrimitives.ReadUInt16BigEndian(header[16..]);
        var pages = BinaryPrimitives.ReadUInt32BigEndian(header[28..]);
        var changeCounter = BinaryPrimitives.ReadUInt32BigEndian(header[24..]);
        var validFor = BinaryPrimitives.ReadUInt32BigEndian(header[92..]);
        var expected = (pageSize == 1 ? 65536L : pageSize) * pages;

        // The page count in the header is only trustworthy when "version-valid-for" matches the change counter.
        if (changeCounter == validFor && pages > 0 && database.Length != expected)
        {
            throw new C1zException($"'{c1zPath}' is corrupt: its database is {database.Length} bytes but says it has {expected}.");
        }
    }
}
