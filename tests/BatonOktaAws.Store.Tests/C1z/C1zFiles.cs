using ZstdSharp;

namespace BatonOktaAws.Store.Tests.C1z;

/// <summary>Builds c1z files by hand (header + zstd), for inputs our writer would never produce.</summary>
internal static class C1zFiles
{
    public static readonly byte[] V1Header = "C1ZF\0"u8.ToArray();

    public static byte[] Envelope(byte[] payload, byte[]? header = null)
    {
        using var compressor = new Compressor(3);
        compressor.SetParameter(ZstdSharp.Unsafe.ZSTD_cParameter.ZSTD_c_checksumFlag, 1);
        return [.. header ?? V1Header, .. compressor.Wrap(payload)];
    }
}
