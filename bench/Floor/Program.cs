using TapCustomerIo.Bench.Floor;

// As the tap (tap-customerio/Program.cs): socket read continuations run inline, unless the user set the variable.
if (Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") is null)
{
    Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
}

if (FloorOptions.Parse(args) is not { } options)
{
    Console.Error.WriteLine(FloorOptions.Usage);
    return 2;
}

try
{
    var requests = ReplayRequest.ReadFile(options.RequestsFile);
    using var stdout = Console.OpenStandardOutput();
    using var replay = new Replay(options, stdout);
    var bytes = await replay.RunAsync(requests);
    Console.Error.WriteLine($"tap-floor: {requests.Count} requests, {bytes} bytes, mode {options.Mode.ToString().ToLowerInvariant()}, parallel {options.Parallel}");
    return 0;
}
catch (Exception e) when (e is FloorException or HttpRequestException or IOException or FormatException)
{
    Console.Error.WriteLine($"tap-floor: {e.Message}");
    return 1;
}
