using System.Text.Json;
using System.Text.Json.Nodes;

namespace TapCustomerIo.Config;

/// <summary>Reads the JSON files the tap is given (config, catalog, state) with one-line errors that say how to fix them.</summary>
internal static class JsonFile
{
    public static JsonObject ReadObject(string path, string what, string flag, string example)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new TapException($"{what} file '{path}' was not found. Pass {flag} with the path of a JSON file (see {example}).");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TapException($"{what} file '{path}' could not be read ({e.GetType().Name}). Check the path and its permissions.");
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e) when (e.Message.Contains("uplicate", StringComparison.Ordinal))
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new TapException($"{what} file '{path}' has the same key twice in one object{where}. Keep one of them (see {example}).");
        }
        catch (JsonException e)
        {
            // The parser's message can quote the offending text, which may be a secret: report only the position.
            var where = e.LineNumber is { } line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
            throw new TapException($"{what} file '{path}' is not valid JSON{where}. Fix the syntax (see {example}).");
        }

        return node as JsonObject
            ?? throw new TapException($"{what} file '{path}' must hold a JSON object {{...}} at the top level (see {example}).");
    }
}
