using System.Runtime.InteropServices;

namespace FakeCustomerIo.Cli;

/// <summary>
/// Completes on SIGTERM, SIGINT or when stdin closes (so a parent process that dies takes the server with it).
/// Stdin attached to /dev/null is ignored, or a server started in the background would stop at once.
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PosixSignalRegistration _term, _int;

    public ShutdownSignal()
    {
        _term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        _int = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        if (!StdinIsDevNull())
        {
            _ = Task.Run(() =>
            {
                using var stdin = Console.OpenStandardInput();
                var buffer = new byte[256];
                while (stdin.Read(buffer, 0, buffer.Length) > 0)
                {
                }
                _stopped.TrySetResult();
            });
        }
    }

    public Task Stopped => _stopped.Task;

    public void Dispose()
    {
        _term.Dispose();
        _int.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        _stopped.TrySetResult();
    }

    private static bool StdinIsDevNull()
    {
        try
        {
            return File.ResolveLinkTarget("/proc/self/fd/0", returnFinalTarget: false)?.FullName == "/dev/null";
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
