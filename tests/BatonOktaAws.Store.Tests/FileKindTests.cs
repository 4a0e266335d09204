using System.Runtime.Versioning;
using BatonOktaAws.TestSupport;

namespace BatonOktaAws.Store.Tests;

[SupportedOSPlatform("linux")]
public sealed class FileKindTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void SpecialFileAt_DevicesPipesAndLinksToThem_AreNamedWhatTheyAre()
    {
        var fifo = NamedPipe.Create(_temp, "pipe");
        var link = _temp.File("null-link");
        File.CreateSymbolicLink(link, "/dev/null");

        // Only looked at: statx reads the kind; nothing opens or replaces /dev/null.
        Assert.Equal("a character device", FileKind.SpecialFileAt("/dev/null"));
        Assert.Equal("a character device", FileKind.SpecialFileAt(link));
        Assert.Equal("a named pipe (FIFO)", FileKind.SpecialFileAt(fifo));
    }

    [Fact]
    public void SpecialFileAt_RegularFileDirectoryOrNothing_IsNull()
    {
        var file = _temp.File("sync.db");
        File.WriteAllText(file, string.Empty);

        Assert.Null(FileKind.SpecialFileAt(file));
        Assert.Null(FileKind.SpecialFileAt(_temp.Path));
        Assert.Null(FileKind.SpecialFileAt(_temp.File("missing.db")));
    }

    [Fact]
    public async Task Check_NamedPipeAsTheSyncFile_IsRefusedEvenWhenForcedWithoutOpeningIt()
    {
        var fifo = NamedPipe.Create(_temp, "sync.db");

        // Opening a pipe to look inside waits for a writer: the old check hung here, so the test bounds it.
        var error = await Assert.ThrowsAsync<SyncFileException>(() => Task.Run(() => SyncTarget.Check(new SyncFilePaths(fifo), force: true)).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal($"Refusing to write the sync file to {fifo}: it is a named pipe (FIFO), not a file, and would be replaced. Pass a file path.", error.Message);
        Assert.Equal("a named pipe (FIFO)", FileKind.SpecialFileAt(fifo));
    }
}
