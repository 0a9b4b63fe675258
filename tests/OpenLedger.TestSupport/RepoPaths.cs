namespace OpenLedger.TestSupport;

/// <summary>Locates the repository root (the folder holding OpenLedger.sln) from the test binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OpenLedger.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No OpenLedger.sln above {AppContext.BaseDirectory}");
    }
}
