using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Store;

/// <summary>
/// What the writer last wrote for each user, as a digest of the row's values. A user comes in once per list that
/// names them (an app's users, each group's members), mostly with the same values every time; writing the same
/// values again cannot change the row — the upsert, applied twice with the same values, gives the row it gave
/// once — so <see cref="SyncBatch.UpsertUser"/> skips a user whose last write had the same digest, and the file
/// is byte for byte what writing every copy gives. Kept per id (about 100 bytes a user) and only for what
/// committed: a rolled-back batch's users are written again.
/// </summary>
internal sealed class WrittenUsers
{
    private readonly Dictionary<string, UInt128> _committed = new(StringComparer.Ordinal);

    /// <summary>Whether the last committed write of <paramref name="userId"/> had this digest.</summary>
    public bool IsLastWrite(string userId, UInt128 digest) => _committed.TryGetValue(userId, out var last) && last == digest;

    /// <summary>Records a committed batch's writes.</summary>
    public void Commit(Dictionary<string, UInt128> written)
    {
        foreach (var (userId, digest) in written)
        {
            _committed[userId] = digest;
        }
    }

    /// <summary>
    /// 128 bits of SHA-256 over every column the upsert writes, each length-prefixed (null apart from empty), so
    /// two different rows cannot be taken for one by accident or by a crafted profile.
    /// </summary>
    public static UInt128 Digest(UserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        ReadOnlySpan<string?> fields = [user.Id, user.DisplayName, user.Login, user.Email, user.SecondaryEmail, user.Status, user.FirstName, user.LastName];
        var size = 0;
        foreach (var field in fields)
        {
            size += sizeof(int) + ((field?.Length ?? 0) * sizeof(char));
        }

        var rented = size > 1024 ? ArrayPool<byte>.Shared.Rent(size) : null;
        var buffer = rented is null ? stackalloc byte[size] : rented.AsSpan(0, size);
        try
        {
            var at = 0;
            foreach (var field in fields)
            {
                BinaryPrimitives.WriteInt32LittleEndian(buffer[at..], field?.Length ?? -1);
                at += sizeof(int);
                if (field is not null)
                {
                    MemoryMarshal.AsBytes(field.AsSpan()).CopyTo(buffer[at..]);
                    at += field.Length * sizeof(char);
                }
            }

            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer, hash);
            return BinaryPrimitives.ReadUInt128LittleEndian(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
