namespace OpenLedger.Cli.Infrastructure;

/// <summary>Checks on paths the user gives, made before opening them so the refusal says what is wrong.</summary>
public static class FilePaths
{
    /// <summary>
    /// Opening a folder as a file fails with "Access to the path … is denied", which reads like a permissions problem;
    /// this says what it is.
    /// </summary>
    public static void RequireNotFolder(string path, string what)
    {
        if (Directory.Exists(path)) throw new CliException($"{what} {Path.GetFullPath(path)} is a folder, not a file");
    }
}
