using BatonOktaAws.Core.Baton.Export;
using BatonOktaAws.Core.Tests.Sync;
using BatonOktaAws.Store;
using BatonOktaAws.Store.C1z;
using BatonOktaAws.TestSupport;
using OktaSimulator.Fixtures;

namespace BatonOktaAws.Core.Tests.Baton.Export;

/// <summary>A c1z is replaced whole or not at all, and never where it would destroy another file.</summary>
public sealed class C1zExportSafetyTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Write_Cancelled_LeavesThePreviousC1zByteForByteAndNoScratchFiles()
    {
        await using var simulator = await TestSimulator.StartAsync(OrgFixture.Demo().ToState());
        using var harness = new SyncHarness(simulator);
        await harness.SyncAsync(appId: "all");
        var target = _temp.File("org.c1z");
        using var reader = SyncFileReader.Open(harness.FilePath);
        C1zExport.Write(reader.Latest(), target, TimeProvider.System, CancellationToken.None);
        var before = await File.ReadAllBytesAsync(target);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.Throws<OperationCanceledException>(() => C1zExport.Write(reader.Latest(), target, TimeProvider.System, cancelled.Token));

        Assert.Equal(before, await File.ReadAllBytesAsync(target));
        Assert.Equal(["org.c1z"], Directory.GetFiles(_temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Check_ExistingFileThatIsNotAC1z_IsRefusedUnlessForced()
    {
        var target = _temp.File("notes.txt");
        File.WriteAllText(target, "keep me");

        var refused = Assert.Throws<C1zException>(() => C1zTarget.Check(target, force: false));

        Assert.Equal($"Refusing to replace '{target}': it is not a c1z file (it does not start with Baton's C1Z header). Pass another path, or --force to replace it.", refused.Message);
        Assert.Equal(target, C1zTarget.Check(target, force: true));
        Assert.Equal("keep me", File.ReadAllText(target));
    }

    [Fact]
    public void Check_ExistingC1zOrEmptyFile_MayBeReplaced()
    {
        File.WriteAllBytes(_temp.File("old.c1z"), [.. "C1ZF\0"u8, 1, 2, 3]);
        File.WriteAllBytes(_temp.File("empty.c1z"), []);

        Assert.Equal(_temp.File("old.c1z"), C1zTarget.Check(_temp.File("old.c1z"), force: false));
        Assert.Equal(_temp.File("empty.c1z"), C1zTarget.Check(_temp.File("empty.c1z"), force: false));
    }

    [Fact]
    public void Check_TheSyncFileItself_IsRefusedEvenWhenForced()
    {
        var error = Assert.Throws<C1zException>(() => C1zTarget.Check(_temp.File("sync.db"), force: true, syncFile: _temp.File("sync.db")));

        Assert.StartsWith($"'{_temp.File("sync.db")}' is the sync file itself", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DirectoryOrMissingDirectory_IsRefusedWithWhatToDo()
    {
        Assert.Equal(
            $"'{_temp.Path}' is a directory; pass a file name for the c1z (e.g. {Path.Combine(_temp.Path, "sync.c1z")}).",
            Assert.Throws<C1zException>(() => C1zTarget.Check(_temp.Path, force: false)).Message);
        Assert.Equal(
            $"The directory {_temp.File("missing")} for the c1z does not exist; create it first.",
            Assert.Throws<C1zException>(() => C1zTarget.Check(Path.Combine(_temp.Path, "missing", "x.c1z"), force: false)).Message);
    }
}
