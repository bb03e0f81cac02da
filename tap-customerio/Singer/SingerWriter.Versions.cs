using System.Text.Json;
using System.Text.Json.Nodes;

namespace TapCustomerIo.Singer;

internal sealed partial class SingerWriter
{
    /// <summary>
    /// <c>{"type":"ACTIVATE_VERSION","stream":…,"version":…}</c>: the target keeps only the stream's rows of this version
    /// (singer-python's <c>ActivateVersionMessage</c>). Not flushed: the STATE that follows flushes it.
    /// </summary>
    public void WriteActivateVersion(string stream, long version) =>
        WriteNode(new JsonObject { ["type"] = "ACTIVATE_VERSION", ["stream"] = stream, ["version"] = version }, flush: false);
}
