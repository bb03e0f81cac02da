using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TapCustomerIo.Tests.Meltano;

/// <summary>
/// Reads the YAML subset meltano.yml is written in (no YAML package restores here): block mappings and sequences by
/// indentation (a sequence may sit at its key's indentation), <c>- key: value</c> items, flow mappings and sequences on
/// one line, double-quoted strings with JSON escapes, single-quoted strings, plain scalars typed as YAML 1.2 core
/// (true/false, null, integers, floats, else text) and whole-line comments. Anything else is an error, not a guess.
/// </summary>
internal static partial class MiniYaml
{
    private sealed record Line(int Indent, string Text, int Number);

    public static JsonNode? Parse(string text)
    {
        var lines = text.Split('\n')
            .Select((raw, i) => (Raw: raw.TrimEnd('\r'), Number: i + 1))
            .Where(l => l.Raw.Trim().Length > 0 && !l.Raw.TrimStart().StartsWith('#'))
            .Select(l => new Line(l.Raw.Length - l.Raw.TrimStart(' ').Length, l.Raw.Trim(), l.Number))
            .ToList();
        if (lines.Count == 0)
        {
            return null;
        }

        var pos = 0;
        var node = Block(lines, ref pos, lines[0].Indent);
        return pos == lines.Count ? node : throw Error(lines[pos], "unexpected indentation");
    }

    private static JsonNode Block(List<Line> lines, ref int pos, int indent) =>
        IsItem(lines[pos]) ? Sequence(lines, ref pos, indent) : Mapping(lines, ref pos, indent);

    private static bool IsItem(Line line) => line.Text == "-" || line.Text.StartsWith("- ", StringComparison.Ordinal);

    private static JsonArray Sequence(List<Line> lines, ref int pos, int indent)
    {
        var items = new JsonArray();
        while (pos < lines.Count && lines[pos].Indent == indent && IsItem(lines[pos]))
        {
            var line = lines[pos];
            var rest = line.Text[1..].TrimStart();
            if (rest.Length == 0)
            {
                pos++;
                items.Add(pos < lines.Count && lines[pos].Indent > indent ? Block(lines, ref pos, lines[pos].Indent) : null);
            }
            else if (KeyOf(rest) is not null)
            {
                // "- key: value" opens a mapping whose keys line up with "key".
                lines[pos] = line with { Indent = line.Text.Length - rest.Length + indent, Text = rest };
                items.Add(Mapping(lines, ref pos, lines[pos].Indent));
            }
            else
            {
                items.Add(Flow(rest, line));
                pos++;
            }
        }

        return items;
    }

    private static JsonObject Mapping(List<Line> lines, ref int pos, int indent)
    {
        var map = new JsonObject();
        while (pos < lines.Count && lines[pos].Indent == indent && !IsItem(lines[pos]))
        {
            var line = lines[pos];
            var key = KeyOf(line.Text) ?? throw Error(line, "expected 'key: value'");
            var rest = line.Text[(key.Length + 1)..].Trim();
            pos++;
            if (map.ContainsKey(key))
            {
                throw Error(line, $"duplicate key '{key}'");
            }

            if (rest.Length > 0)
            {
                map[key] = Flow(rest, line);
            }
            else if (pos < lines.Count && (lines[pos].Indent > indent || (lines[pos].Indent == indent && IsItem(lines[pos]))))
            {
                map[key] = Block(lines, ref pos, lines[pos].Indent);
            }
            else
            {
                map[key] = null;
            }
        }

        if (pos < lines.Count && lines[pos].Indent > indent)
        {
            throw Error(lines[pos], "unexpected indentation");
        }

        return map;
    }

    /// <summary>The plain key of a "key: value" or "key:" line, or null.</summary>
    private static string? KeyOf(string text)
    {
        var match = KeyPattern().Match(text);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static JsonNode? Flow(string text, Line line)
    {
        var reader = new FlowReader(text, line);
        var value = reader.Value(inFlow: false);
        reader.SkipSpaces();
        return reader.AtEnd ? value : throw Error(line, $"unexpected text at column {reader.Position + 1}");
    }

    private static FormatException Error(Line line, string what) => new($"meltano.yml line {line.Number}: {what}: {line.Text}");

    private sealed class FlowReader(string text, Line line)
    {
        public int Position { get; private set; }

        public bool AtEnd => Position >= text.Length;

        private char Peek => text[Position];

        public void SkipSpaces()
        {
            while (!AtEnd && Peek == ' ')
            {
                Position++;
            }
        }

        public JsonNode? Value(bool inFlow)
        {
            SkipSpaces();
            if (AtEnd)
            {
                return null;
            }

            return Peek switch
            {
                '{' => FlowMapping(),
                '[' => FlowSequence(),
                '"' => DoubleQuoted(),
                '\'' => SingleQuoted(),
                _ => Plain(inFlow),
            };
        }

        private JsonObject FlowMapping()
        {
            var map = new JsonObject();
            Position++;
            while (true)
            {
                SkipSpaces();
                if (Take('}'))
                {
                    return map;
                }

                var start = Position;
                while (!AtEnd && Peek != ':')
                {
                    Position++;
                }

                var key = text[start..Position].Trim();
                Expect(':');
                map.Add(key, Value(inFlow: true));
                SkipSpaces();
                if (!Take(','))
                {
                    Expect('}');
                    return map;
                }
            }
        }

        private JsonArray FlowSequence()
        {
            var items = new JsonArray();
            Position++;
            while (true)
            {
                SkipSpaces();
                if (Take(']'))
                {
                    return items;
                }

                items.Add(Value(inFlow: true));
                SkipSpaces();
                if (!Take(','))
                {
                    Expect(']');
                    return items;
                }
            }
        }

        private JsonValue DoubleQuoted()
        {
            var start = Position++;
            while (!AtEnd && Peek != '"')
            {
                Position += Peek == '\\' ? 2 : 1;
            }

            Expect('"');
            return JsonNode.Parse(text[start..Position])!.AsValue(); // the escapes written here are JSON's
        }

        private JsonValue SingleQuoted()
        {
            var value = new System.Text.StringBuilder();
            Position++;
            while (true)
            {
                if (AtEnd)
                {
                    throw Error(line, "unterminated 'string'");
                }

                if (Take('\''))
                {
                    if (!Take('\''))
                    {
                        return JsonValue.Create(value.ToString());
                    }

                    value.Append('\'');
                    continue;
                }

                value.Append(Peek);
                Position++;
            }
        }

        private JsonValue? Plain(bool inFlow)
        {
            var start = Position;
            while (!AtEnd && !(inFlow && Peek is ',' or ']' or '}'))
            {
                Position++;
            }

            var scalar = text[start..Position].Trim();
            return scalar switch
            {
                "" or "null" or "~" => null,
                "true" => JsonValue.Create(true),
                "false" => JsonValue.Create(false),
                _ when IntegerPattern().IsMatch(scalar) => JsonValue.Create(long.Parse(scalar, CultureInfo.InvariantCulture)),
                _ when FloatPattern().IsMatch(scalar) => JsonValue.Create(double.Parse(scalar, CultureInfo.InvariantCulture)),
                _ => JsonValue.Create(scalar),
            };
        }

        private bool Take(char c)
        {
            if (!AtEnd && Peek == c)
            {
                Position++;
                return true;
            }

            return false;
        }

        private void Expect(char c)
        {
            if (!Take(c))
            {
                throw Error(line, $"expected '{c}' at column {Position + 1}");
            }
        }
    }

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_.\-]*):(?: |$)")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
