namespace BatonOktaAws.TestSupport;

/// <summary>Named pipes for tests of outputs that must refuse them (a pipe cannot be replaced, and opening one blocks).</summary>
public static class NamedPipe
{
    /// <summary>A named pipe in <paramref name="temp"/>, made by coreutils' own mkfifo.</summary>
    public static string Create(TempDirectory temp, string name)
    {
        ArgumentNullException.ThrowIfNull(temp);
        var path = temp.File(name);
        ExternalTool.Run("mkfifo", [path]);
        return path;
    }
}
