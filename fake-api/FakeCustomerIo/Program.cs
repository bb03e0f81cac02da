using FakeCustomerIo;
using FakeCustomerIo.Cli;

// The fake Customer.io App API as a process (demo, benchmark). Prints exactly one line on stdout once it accepts
// connections, then runs until SIGTERM/SIGINT or until stdin closes.
var options = CommandLine.Parse(args, Console.Error);
if (options is null)
{
    return 2;
}

using var shutdown = new ShutdownSignal();
await using var server = await FakeApiServer.StartAsync(options);
Console.Out.WriteLine($"listening on {server.BaseUrl.GetLeftPart(UriPartial.Authority)}");
Console.Out.Flush();
await shutdown.Stopped;
return 0;
