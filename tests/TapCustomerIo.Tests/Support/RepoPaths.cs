namespace TapCustomerIo.Tests.Support;

internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "tap-customerio.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("tap-customerio.sln not found above " + AppContext.BaseDirectory);
    }
}
