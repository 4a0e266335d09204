using System.Runtime.InteropServices;

namespace BatonOktaAws.Store;

/// <summary>
/// What kind of thing a path names, for outputs that replace their target by renaming a finished file onto it: a
/// device (<c>/dev/null</c>), a named pipe or a socket must never be replaced — renaming onto <c>/dev/null</c> as
/// root turns the machine's null device into a regular file — and opening a named pipe to look inside it blocks.
/// .NET reports all of them as ordinary empty files, so this asks the kernel (<c>statx</c>, whose layout is the same
/// on every Linux architecture). Elsewhere, or when the kernel cannot say, it answers null and the callers' other
/// checks apply.
/// </summary>
public static partial class FileKind
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int StatxSize = 256;
    private const int ModeOffset = 28;

    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int BlockDevice = 0x6000;
    private const int Socket = 0xC000;

    /// <summary>
    /// "a character device", "a named pipe (FIFO)", "a block device" or "a socket" when <paramref name="path"/> (or
    /// what a symbolic link there points to) is one; null for a regular file, a directory, nothing at all, or when
    /// the kind cannot be told.
    /// </summary>
    public static string? SpecialFileAt(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = new byte[StatxSize];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
            {
                return null;
            }
        }
        catch (EntryPointNotFoundException)
        {
            // A C library older than glibc 2.28 (or not glibc): no answer, as on other systems.
            return null;
        }

        return (MemoryMarshal.Read<ushort>(buffer.AsSpan(ModeOffset)) & TypeMask) switch
        {
            CharacterDevice => "a character device",
            BlockDevice => "a block device",
            Fifo => "a named pipe (FIFO)",
            Socket => "a socket",
            _ => null,
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, [Out] byte[] buffer);
}
