namespace BatonOktaAws.Store.C1z;

/// <summary>The fixed parts of a c1z file (baton-sdk pkg/dotc1z): a 5-byte header, then the payload.</summary>
internal static class C1zFormat
{
    public const int HeaderLength = 5;

    /// <summary>The header of a v1 c1z: one zstd stream of a SQLite database follows. The one we write and read.</summary>
    public static ReadOnlySpan<byte> V1Header => "C1ZF\0"u8;

    /// <summary>The header of a v3 c1z (a Pebble checkpoint in a zstd tar), which newer Baton versions can write.</summary>
    public static ReadOnlySpan<byte> V3Header => "C1Z3\0"u8;

    /// <summary>Every c1z header starts with this; the rest names the format version.</summary>
    public static ReadOnlySpan<byte> Magic => "C1Z"u8;
}
