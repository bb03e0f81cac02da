using Microsoft.Win32.SafeHandles;
using TapCustomerIo.Cli;

// A socket read's continuation runs on the socket engine's thread instead of being handed to a pool worker: a body
// arrives in 4 KB reads, and a hand-off per read (a wake-up and a context switch) cost 5% of the tap's CPU
// (docs/performance.md). Nothing the tap runs there blocks: a response is handed to the rest of the tap on a pool
// thread (CustomerIoClient.SendAsync). The runtime reads this variable once, when the first socket is made; a value
// the user set is kept.
if (Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") is null)
{
    Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
}

// stdout as a plain file stream, not Console's: Console's stream ignores a closed pipe (EPIPE) and would let the tap
// keep extracting for a target that has died; a file stream reports it, and the tap stops at once.
using var stdout = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
return await TapCommand.RunAsync(args, stdout).ConfigureAwait(false);
