namespace TapCustomerIo.Bench.Floor;

/// <summary>
/// One request of the requests file: a line of three tab-separated fields, the method, the path and query as sent
/// ("/v1/messages?limit=1000&amp;start_ts=…"), and the request body in base64 (empty for none). Empty lines are skipped.
/// </summary>
internal sealed record ReplayRequest(HttpMethod Method, string PathAndQuery, byte[]? Body)
{
    public static List<ReplayRequest> ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FloorException($"no requests file at {path}");
        }

        List<ReplayRequest> requests = [];
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 3 || fields[0].Length == 0 || !fields[1].StartsWith('/'))
            {
                throw new FloorException($"{path}:{number}: expected METHOD<tab>/path?query<tab>base64 body");
            }

            requests.Add(new ReplayRequest(HttpMethod.Parse(fields[0]), fields[1], fields[2].Length == 0 ? null : Convert.FromBase64String(fields[2])));
        }

        return requests;
    }
}
