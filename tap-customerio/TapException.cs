namespace TapCustomerIo;

/// <summary>
/// A failure the user can fix (bad config, catalog or state, a key the API refuses, an API that keeps failing).
/// Its message is the one line printed on stderr: it names the problem and the fix, and never holds a secret.
/// </summary>
internal sealed class TapException(string message, Exception? inner = null) : Exception(message, inner);
