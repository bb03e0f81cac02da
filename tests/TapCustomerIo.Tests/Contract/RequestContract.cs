using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FakeCustomerIo.Stats;
using Microsoft.AspNetCore.WebUtilities;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;

namespace TapCustomerIo.Tests.Contract;

/// <summary>
/// Checks one logged exchange against the digest: the request (path template, path and query parameters, body) and,
/// for a 200, the response body against the operation's 200 schema.
/// </summary>
internal static partial class RequestContract
{
    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex ArrayIndex();

    public static IEnumerable<Violation> CheckRequest(LoggedExchange exchange)
    {
        var example = $"{exchange.Method} {exchange.Path}{exchange.Query}";
        var operation = SpecDigest.Instance.Find(exchange.Method, exchange.Path);
        if (operation is null)
        {
            return [new Violation($"{exchange.Route} has no operation in the definition", example)];
        }

        return RequestFindings(operation, exchange).Select(finding => new Violation($"{operation} {finding}", example));
    }

    public static IEnumerable<Violation> CheckResponse(LoggedExchange exchange)
    {
        var example = $"{exchange.Method} {exchange.Path}{exchange.Query}";
        var operation = SpecDigest.Instance.Find(exchange.Method, exchange.Path);
        if (exchange.Status != 200 || operation?.Response is not { } schema)
        {
            return [];
        }

        if (exchange.Truncated)
        {
            return [new Violation($"{operation} response longer than the request log keeps", example)];
        }

        var body = System.Text.Encoding.UTF8.GetString(exchange.ResponseBody);
        return schema.Validate(body).SelectMany(Leaves)
            .Select(e => new Violation($"{operation} response {Describe(e)}", $"{example}: {Detail(e)}"));
    }

    private static IEnumerable<string> RequestFindings(SpecOperation operation, LoggedExchange exchange)
    {
        foreach (var (name, value) in operation.PathValues(exchange.Path))
        {
            foreach (var finding in ValueFindings($"path {name}", operation.PathParams.GetValueOrDefault(name), value))
            {
                yield return finding;
            }
        }

        var query = QueryHelpers.ParseQuery(exchange.Query);
        foreach (var (name, values) in query)
        {
            if (!operation.Query.TryGetValue(name, out var declared))
            {
                yield return $"query {name} undeclared";
                continue;
            }

            if (declared["deprecated"]?.GetValue<bool>() == true)
            {
                yield return $"query {name} deprecated";
            }

            foreach (var value in values)
            {
                foreach (var finding in ValueFindings($"query {name}", declared, value ?? ""))
                {
                    yield return finding;
                }
            }
        }

        foreach (var (name, declared) in operation.Query)
        {
            if (declared["required"]?.GetValue<bool>() == true && !query.ContainsKey(name))
            {
                yield return $"query {name} missing (required)";
            }
        }

        if (operation.Body is { } body && exchange.RequestBody.Length > 0)
        {
            foreach (var error in body.Validate(exchange.RequestBody).SelectMany(Leaves))
            {
                yield return $"body {Describe(error)}";
            }
        }
    }

    private static IEnumerable<string> ValueFindings(string what, JsonObject? declared, string value)
    {
        if (declared is null)
        {
            yield break;
        }

        if (declared["enum"] is JsonArray allowed && !allowed.Any(a => a?.ToString() == value))
        {
            yield return $"{what}={value} not in its enum";
        }

        switch ((string?)declared["type"])
        {
            case "integer" when !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _):
                yield return $"{what} not an integer";
                break;
            case "integer" when declared["maximum"] is { } maximum && long.Parse(value, CultureInfo.InvariantCulture) > (long)maximum:
                yield return $"{what}={value} above maximum {maximum}";
                break;
            case "boolean" when value is not ("true" or "false"):
                yield return $"{what}={value} not a boolean";
                break;
        }
    }

    /// <summary>Where and what, without array indexes, so one rule broken on every item is one key.</summary>
    private static string Describe(ValidationError error) =>
        $"{ArrayIndex().Replace(error.Path ?? "#", "[]")} {(IsNullForNonNullType(error) ? "null for a non-null type" : error.Kind)}";

    /// <summary>
    /// The errors inside an invalid array item or property, down to the rule that failed. A failed
    /// <c>anyOf</c>/<c>oneOf</c> is reported as the errors of its closest branch (one whose enums accept the item, then
    /// the fewest errors other than nulls), so one wrong field is named as such. A null where the definition declares a non-null type is its
    /// own kind of finding (<see cref="Describe"/>), and the required properties of a null object are not reported again.
    /// </summary>
    private static IEnumerable<ValidationError> Leaves(ValidationError error)
    {
        if (error is not ChildSchemaValidationError child)
        {
            return error.Kind == ValidationErrorKind.PropertyRequired && IsNull(error) ? [] : [error];
        }

        return error.Kind is ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf
            ? child.Errors.Values.Select(branch => branch.SelectMany(Leaves).ToArray()).OrderBy(WrongKind).ThenBy(leaves => leaves.Count(e => !IsNullForNonNullType(e))).First()
            : child.Errors.SelectMany(e => e.Value).SelectMany(Leaves);
    }

    /// <summary>A branch whose enum rejects the value (a <c>type</c> discriminator) describes another kind of item.</summary>
    private static bool WrongKind(ValidationError[] leaves) =>
        leaves.Any(e => e.Kind == ValidationErrorKind.NotInEnumeration && !IsNull(e));

    private static bool IsNull(ValidationError error) => error.Token is null || error.Token.Type == JTokenType.Null;

    private static bool IsNullForNonNullType(ValidationError error) => IsNull(error) && error.Kind is ValidationErrorKind.StringExpected
        or ValidationErrorKind.IntegerExpected or ValidationErrorKind.NumberExpected or ValidationErrorKind.BooleanExpected
        or ValidationErrorKind.ObjectExpected or ValidationErrorKind.ArrayExpected or ValidationErrorKind.NotInEnumeration;

    private static string Detail(ValidationError error) => $"{error.Kind} at {error.Path}: {error.Token?.ToString(Newtonsoft.Json.Formatting.None)}";
}
