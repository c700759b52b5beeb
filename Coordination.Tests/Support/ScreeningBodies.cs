using System.Globalization;
using System.Text.Json.Nodes;
using Coordination.Core.Children;

namespace Coordination.Tests.Support;

/// <summary>Bodies for <c>POST /api/v1/screenings</c>, valid unless a test spoils them.</summary>
public static class ScreeningBodies
{
    public static string Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int _next;

    /// <summary>
    /// A new child named 测试儿童, born on or after 2015-03-02: each body (up to 3,000) a birth date of its own, so that two bodies are
    /// never near duplicates (same name, birth date and township), which the board refuses without a confirmation.
    /// </summary>
    public static JsonObject NewChild(string kind = "health-check", string township = "shishan-zhen", string risk = "medium")
    {
        var birth = new DateOnly(2015, 3, 2).AddDays(Interlocked.Increment(ref _next) % 3000);
        return new JsonObject
        {
            ["kind"] = kind,
            ["date"] = Today,
            ["child"] = new JsonObject
            {
                ["name"] = "测试儿童",
                ["sex"] = "F",
                ["birthDate"] = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["residentId"] = TestResidentIds.Unique(birth, Sex.F),
                ["township"] = township,
                ["categories"] = new JsonArray("left-behind"),
            },
            ["risk"] = risk,
            ["needs"] = new JsonArray("psychological"),
            ["findings"] = "API test",
        };
    }

    public static JsonObject Existing(Guid childId, string kind = "health-check", string risk = "low") => new()
    {
        ["kind"] = kind,
        ["date"] = Today,
        ["child"] = new JsonObject { ["id"] = childId.ToString() },
        ["risk"] = risk,
        ["needs"] = new JsonArray(),
        ["findings"] = "follow-up",
    };
}
