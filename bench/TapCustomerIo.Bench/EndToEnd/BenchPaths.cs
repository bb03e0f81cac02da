namespace TapCustomerIo.Bench.EndToEnd;

/// <summary>The repository root (found from the bench's build output), the tap builds and the floor builds.</summary>
internal static class BenchPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>What <c>dotnet publish … -p:PublishAot=true -o bench/out/aot</c> produces.</summary>
    public static string Aot => Path.Combine(Root, "bench", "out", "aot", "tap-customerio");

    /// <summary>The framework-dependent apphost the Release build of the bench (or the solution) produces.</summary>
    public static string Jit => Path.Combine(Root, "tap-customerio", "bin", "Release", "net10.0", "tap-customerio");

    /// <summary>What <c>dotnet publish tap-customerio/tap-customerio.csproj -c Release</c> produces: framework-dependent,
    /// ReadyToRun for the SDK's runtime identifier (the csproj sets it when publishing).</summary>
    public static string JitPublish => Path.Combine(Root, "tap-customerio", "bin", "Release", "net10.0", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, "publish", "tap-customerio");

    /// <summary>The floor of issue 12 (bench/Floor), published as the tap: <c>dotnet publish bench/Floor/Floor.csproj -c Release
    /// -r linux-x64 -p:PublishAot=true -o bench/out/floor-aot</c>.</summary>
    public static string FloorAot => Path.Combine(Root, "bench", "out", "floor-aot", "tap-floor");

    /// <summary><c>dotnet publish bench/Floor/Floor.csproj -c Release -o bench/out/floor-jit</c>: framework-dependent, ReadyToRun.</summary>
    public static string FloorJit => Path.Combine(Root, "bench", "out", "floor-jit", "tap-floor");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "tap-customerio.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("run the bench from inside the tap-customerio repository");
    }
}
