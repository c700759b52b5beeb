using System.Text.Json;
using System.Text.Json.Serialization;

namespace Coordination.Core.Board;

/// <summary>
/// What kind of thing happened within a <see cref="BoardEvent.Kind"/>, in keys only (never personal data), as a
/// JSON object on the wire and in the event log: <c>{"kind":"household"}</c> for a screening or an assistance
/// record, <c>{"categories":["left-behind"]}</c> for a registration, <c>{"reason":"turned-18"}</c> for a closure,
/// <c>{"from":"education","to":"womens-federation","need":"psychological","urgency":"urgent"}</c> for a referral
/// (and <c>"stage":"acceptance"|"completion"</c> when it is overdue), <c>{"quarter":"2026Q3"}</c> for the figures events. Members that do not apply are left out;
/// clients ignore members they do not know (more may come).
/// </summary>
public sealed record BoardEventDetail
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Kind { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Categories { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? From { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? To { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Need { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Urgency { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Stage { get; init; }

    /// <summary>The quarter a <c>figures.*</c> event is about (<c>"2026Q3"</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Quarter { get; init; }

    /// <summary>How many children an <c>import.applied</c> event is about.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Count { get; init; }

    private static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web);

    /// <summary>The stored form: the same JSON object the API sends.</summary>
    public static string? ToStored(BoardEventDetail? detail) => detail is null ? null : JsonSerializer.Serialize(detail, Stored);

    public static BoardEventDetail? FromStored(string? stored) =>
        string.IsNullOrEmpty(stored) ? null : JsonSerializer.Deserialize<BoardEventDetail>(stored, Stored);

    // Records compare lists by reference; two details with the same categories are the same detail.
    public bool Equals(BoardEventDetail? other) =>
        other is not null && Kind == other.Kind && Reason == other.Reason && From == other.From && To == other.To
        && Need == other.Need && Urgency == other.Urgency && Stage == other.Stage && Quarter == other.Quarter && Count == other.Count
        && (Categories ?? []).SequenceEqual(other.Categories ?? []);

    public override int GetHashCode() => HashCode.Combine(Kind, Reason, From, To, Need, Urgency, Stage, HashCode.Combine(Quarter, Categories?.Count));
}
