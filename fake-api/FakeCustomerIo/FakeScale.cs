namespace FakeCustomerIo;

/// <summary>Record counts of a generated workspace. Big collections are computed per index, never stored.</summary>
internal sealed record FakeScale
{
    public int Campaigns { get; init; } = 12;
    /// <summary>Average actions per campaign; counts vary around it and campaign index 0 always has at least 23.</summary>
    public int ActionsPerCampaign { get; init; } = 4;
    public int Broadcasts { get; init; } = 5;
    public int Newsletters { get; init; } = 7;
    public int Segments { get; init; } = 6;
    public int People { get; init; } = 2_500;
    /// <summary>Deliveries of generation 0, spread over the <see cref="DeliveryHistoryDays"/> before the anchor.</summary>
    public long Deliveries { get; init; } = 5_000;
    public int DeliveryHistoryDays { get; init; } = 200;
    /// <summary>Activities of generation 0, spread over the 30 days before the anchor (plus 3 future ones).</summary>
    public long Activities { get; init; } = 700;
    public int ObjectTypes { get; init; } = 2;
    public int ObjectsPerType { get; init; } = 40;
    public int TransactionalMessages { get; init; } = 4;
    public int SenderIdentities { get; init; } = 9;
    /// <summary>Workspace-wide list size of the largest suppression type; the others are smaller.</summary>
    public int SuppressionsPerType { get; init; } = 1_250;
    public int Collections { get; init; } = 4;
    public int Snippets { get; init; } = 5;
    public int Exports { get; init; } = 3;
    public int ReportingWebhooks { get; init; } = 2;
    public int SubscriptionTopics { get; init; } = 3;
    /// <summary>New deliveries per <see cref="FakeDataset.Advance"/>.</summary>
    public int DeliveriesPerAdvance { get; init; } = 40;
    /// <summary>New activities per <see cref="FakeDataset.Advance"/>.</summary>
    public int ActivitiesPerAdvance { get; init; } = 25;
    /// <summary>Extra custom attributes per person (<c>note_00</c>…), each a non-ASCII sentence; 0 (default) adds none.</summary>
    public int ExtraAttributes { get; init; }
    /// <summary>Approximate length in characters of each message action's body (non-ASCII text); 0 (default): a one-line body.</summary>
    public int ActionBodyChars { get; init; }
    /// <summary>Writes the people attributes responses with every non-ASCII character as a <c>\u</c> escape, as some
    /// JSON encoders do; the other responses stay raw UTF-8.</summary>
    public bool EscapeNonAsciiPeople { get; init; }

    /// <summary>Hundreds of rows per list, a few thousand people and deliveries: for unit and end-to-end tests.</summary>
    public static FakeScale Small { get; } = new();

    /// <summary>A little larger than Small, for the demo.</summary>
    public static FakeScale Demo { get; } = new()
    {
        Campaigns = 20, Broadcasts = 8, Newsletters = 10, Segments = 8, People = 10_000, Deliveries = 50_000,
        Activities = 3_000, ObjectsPerType = 120, SenderIdentities = 12, SuppressionsPerType = 2_500,
    };

    /// <summary>1,000,000 deliveries and 200,000 people: for the benchmark.</summary>
    public static FakeScale Bench { get; } = new()
    {
        Campaigns = 60, ActionsPerCampaign = 6, Broadcasts = 20, Newsletters = 40, Segments = 20, People = 200_000,
        Deliveries = 1_000_000, Activities = 50_000, ObjectTypes = 3, ObjectsPerType = 2_000, TransactionalMessages = 10,
        SenderIdentities = 30, SuppressionsPerType = 10_000, Collections = 10, Snippets = 20, Exports = 10,
        DeliveriesPerAdvance = 2_000, ActivitiesPerAdvance = 500,
    };

    /// <summary>
    /// The mix of issue 12: about 86,000 segment memberships, 60,000 deliveries, 20,000 people of about 2.3 KB with
    /// dozens of custom attributes (sent with <c>\u</c> escapes), 5,000 activities, 5,000 suppressions and 1,500
    /// campaign actions of about 30 KB; non-ASCII text in people and actions.
    /// </summary>
    public static FakeScale Mix { get; } = new()
    {
        Campaigns = 100, ActionsPerCampaign = 15, Broadcasts = 10, Newsletters = 20, Segments = 16, People = 20_000,
        Deliveries = 60_000, Activities = 5_000, ObjectTypes = 2, ObjectsPerType = 500, TransactionalMessages = 6,
        SenderIdentities = 12, SuppressionsPerType = 2_380, ExtraAttributes = 24, ActionBodyChars = 15_000,
        EscapeNonAsciiPeople = true,
    };

    public static FakeScale? FromName(string name) => name.ToLowerInvariant() switch
    {
        "small" => Small,
        "demo" => Demo,
        "bench" => Bench,
        "mix" => Mix,
        _ => null,
    };
}
