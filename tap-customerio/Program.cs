using Microsoft.Win32.SafeHandles;
using TapCustomerIo.Cli;

// stdout as a plain file stream, not Console's: Console's stream ignores a closed pipe (EPIPE) and would let the tap
// keep extracting for a target that has died; a file stream reports it, and the tap stops at once.
using var stdout = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
return await TapCommand.RunAsync(args, stdout).ConfigureAwait(false);
