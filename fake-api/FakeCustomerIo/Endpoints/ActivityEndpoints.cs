using FakeCustomerIo.Data;
using FakeCustomerIo.Data.Activities;
using FakeCustomerIo.Hosting;
using FakeCustomerIo.Http;
using FakeCustomerIo.Paging;

namespace FakeCustomerIo.Endpoints;

/// <summary>
/// /v1/activities and the per-person list: newest first, the three future-dated activities on top, cursor = the key
/// to continue below. Filters <c>type</c> and <c>name</c> scan a bounded number of candidates per page, so filtered
/// pages can come back short or empty while still carrying a <c>next</c>. With
/// <see cref="FakeApiOptions.ActivitiesEndWithEmptyPages"/> the list does not end with an empty <c>next</c> but with
/// endless empty pages, each with a new cursor. Deleted activities are listed only with <c>deleted=true</c>, after the
/// others (or alone, <see cref="FakeApiOptions.DeletedActivitiesOnly"/>), all on one page of their own.
/// </summary>
internal static class ActivityEndpoints
{
    public const int MaxLimit = 100;

    /// <summary>Cursor positions from here on are the empty pages after the end of the list.</summary>
    private const long PastTheEnd = 1L << 60;

    /// <summary>The cursor of the page of deleted activities.</summary>
    private const long DeletedPage = 1L << 59;

    public static void Map(IEndpointRouteBuilder app, FakeDataset data, FakeApiOptions options)
    {
        Routes.Get(app, "/v1/activities", ctx =>
        {
            var set = QueryParams.String(ctx.Request, "customer_id") is { Length: > 0 } customer
                ? data.People.TryResolve(QueryParams.String(ctx.Request, "id_type"), customer, out var p) ? data.Activities.OfPerson(p) : Progression.Empty
                : Progression.All;
            return WriteAsync(ctx, data, set, options);
        });
        Routes.Get(app, "/v1/customers/{id}/activities", ctx =>
            WriteAsync(ctx, data, data.Activities.OfPerson(Lookup.Person(ctx, data)), options with { DeletedActivitiesOnly = false }, people: true));
    }

    private static async Task WriteAsync(HttpContext ctx, FakeDataset data, Progression set, FakeApiOptions options, bool people = false)
    {
        var endWithEmptyPages = options.ActivitiesEndWithEmptyPages;
        var request = ctx.Request;
        var generation = data.Generation;
        var limit = QueryParams.Limit(request, MaxLimit, 50);
        var type = QueryParams.String(request, "type") is { Length: > 0 } t ? t : null;
        var name = QueryParams.String(request, "name") is { Length: > 0 } n ? n : null;
        var deleted = !people && ReferenceEquals(set, Progression.All) && QueryParams.Bool(request, "deleted") == true;
        var fingerprint = Fingerprint.Of(request);
        var start = Cursor.Start(request, fingerprint);
        if (start >= PastTheEnd)
        {
            await WriteEmptyAsync(ctx, Cursor.Encode(start.Value + 1, fingerprint));
            return;
        }

        if (deleted && (start == DeletedPage || (start is null && options.DeletedActivitiesOnly)))
        {
            await WriteDeletedAsync(ctx, data, type, name, endWithEmptyPages ? Cursor.Encode(PastTheEnd, fingerprint) : null);
            return;
        }

        var pos = start ?? long.MaxValue;
        var activities = data.Activities;
        var deliveryCount = data.Deliveries.Timeline.Count(0);

        await using var json = JsonResponse.Start(ctx);
        var w = json.Writer;
        w.WriteStartObject();
        w.WriteStartArray("activities");
        var (count, scanned, budget) = (0, 0, 20 * limit + 1_000);
        var key = activities.Next(pos, generation, set);
        for (; key >= 0 && count < limit && scanned < budget; key = activities.Next(key, generation, set))
        {
            scanned++;
            pos = key;
            var activityType = ActivityWriter.TypeOf(activities, key);
            if ((type is not null && activityType != type) || (name is not null && ActivityWriter.NameOf(activities, key, activityType) != name))
            {
                continue;
            }

            ActivityWriter.Write(w, activities, key, deliveryCount);
            count++;
            await json.FlushIfFullAsync();
        }
        w.WriteEndArray();
        var end = deleted ? Cursor.Encode(DeletedPage, fingerprint) : endWithEmptyPages ? Cursor.Encode(PastTheEnd, fingerprint) : null;
        NextWriter.Write(w, key >= 0 ? Cursor.Encode(pos, fingerprint) : end, NextStyle.EmptyString);
        w.WriteEndObject();
    }

    private static Task WriteDeletedAsync(HttpContext ctx, FakeDataset data, string? type, string? name, string? next) =>
        JsonResponse.WriteAsync(ctx, w =>
        {
            var activities = data.Activities;
            w.WriteStartObject();
            w.WriteStartArray("activities");
            for (var j = 0; j < ActivityGenerator.DeletedCount; j++)
            {
                var key = ActivityGenerator.DeletedBase + j;
                var activityType = ActivityWriter.TypeOf(activities, key);
                if ((type is null || activityType == type) && (name is null || ActivityWriter.NameOf(activities, key, activityType) == name))
                {
                    ActivityWriter.Write(w, activities, key, data.Deliveries.Timeline.Count(0));
                }
            }
            w.WriteEndArray();
            NextWriter.Write(w, next, NextStyle.EmptyString);
            w.WriteEndObject();
        });

    private static Task WriteEmptyAsync(HttpContext ctx, string next) => JsonResponse.WriteAsync(ctx, w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("activities");
        w.WriteEndArray();
        w.WriteString("next", next);
        w.WriteEndObject();
    });
}
