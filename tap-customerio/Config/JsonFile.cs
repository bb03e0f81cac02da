using System.Text;
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
            var key = FirstDuplicateKey(text) is { } name ? $"the key '{(name.Length <= 60 ? name : name[..57] + "...")}'" : "the same key";
            throw new TapException($"{what} file '{path}' has {key} twice in one object{where}. Keep one of them (see {example}).");
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

    /// <summary>The first property name an object repeats (a name, never a value, so no secret is shown).</summary>
    private static string? FirstDuplicateKey(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
        var names = new Stack<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        names.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        names.Push(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        names.Pop();
                        break;
                    case JsonTokenType.PropertyName when !names.Peek()!.Add(reader.GetString()!):
                        return reader.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // Invalid further on: the parser's own position is reported instead.
        }

        return null;
    }
}
