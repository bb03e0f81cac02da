namespace FakeCustomerIo.Hosting;

/// <summary>
/// Replaces the console lifetime: an in-process server must not take over the test host's Ctrl+C/SIGTERM. The
/// command-line entry point handles signals itself.
/// </summary>
internal sealed class QuietLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
