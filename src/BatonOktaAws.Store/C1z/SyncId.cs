using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace BatonOktaAws.Store.C1z;

/// <summary>
/// Baton's sync ids are KSUIDs (github.com/segmentio/ksuid): 4 bytes of seconds since 2014-05-13T16:53:20Z and
/// 16 random bytes, base62-encoded to 27 characters, so they sort by time.
/// </summary>
internal static class SyncId
{
    public const int Length = 27;
    private const long EpochSeconds = 1_400_000_000;
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New(DateTimeOffset now)
    {
        var seconds = now.ToUnixTimeSeconds() - EpochSeconds;
        if (seconds is < 0 or > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(now), now, "A KSUID can only hold times from 2014-05-13 to 2150.");
        }

        Span<byte> bytes = stackalloc byte[20];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)seconds);
        RandomNumberGenerator.Fill(bytes[4..]);
        return Encode(bytes);
    }

    /// <summary>The time a KSUID was made, to the second; null if <paramref name="id"/> is not a KSUID.</summary>
    public static DateTimeOffset? TimeOf(string id)
    {
        if (id.Length != Length)
        {
            return null;
        }

        var value = BigInteger.Zero;
        foreach (var character in id)
        {
            var digit = Base62.IndexOf(character, StringComparison.Ordinal);
            if (digit < 0)
            {
                return null;
            }

            value = (value * 62) + digit;
        }

        var seconds = (long)(value >> 128);
        return seconds > uint.MaxValue ? null : DateTimeOffset.FromUnixTimeSeconds(seconds + EpochSeconds);
    }

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var characters = new char[Length];
        for (var i = Length - 1; i >= 0; i--)
        {
            characters[i] = Base62[(int)(value % 62)];
            value /= 62;
        }

        return new string(characters);
    }
}
