namespace BatonOktaAws.TestSupport;

/// <summary>The checkout the tests run from, for sources they read (.proto files) or build (the native command line).</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "baton-okta-aws.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No baton-okta-aws.sln above {AppContext.BaseDirectory}.");
    }
}
