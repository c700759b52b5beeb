using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Coordination.Tests.Support;

/// <summary>Referrals through the real API: a child to refer, a referral to act on.</summary>
public static class ReferralBodies
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Education registers a child with a school survey; returns its id.</summary>
    public static async Task<Guid> ChildAsync(BoardApp app)
    {
        using var api = app.Api("education");
        using var response = await api.PostAsJsonAsync("/api/v1/screenings", ScreeningBodies.NewChild(kind: "school-survey"), Ct);
        response.EnsureSuccessStatusCode();
        return Guid.Parse((string)(await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["childId"]!);
    }

    public static JsonObject New(Guid childId, string to = "womens-federation", string need = "psychological", string urgency = "urgent") => new()
    {
        ["childId"] = childId.ToString(),
        ["to"] = to,
        ["need"] = need,
        ["urgency"] = urgency,
        ["note"] = "心灵微笑筛查得分偏高",
    };

    /// <summary>Education refers a new child to the women's federation; returns the 201 body.</summary>
    public static async Task<JsonObject> SendAsync(BoardApp app, string urgency = "urgent")
    {
        var child = await ChildAsync(app);
        using var api = app.Api("education");
        using var response = await api.PostAsJsonAsync("/api/v1/referrals", New(child, urgency: urgency), Ct);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    public static Guid Id(JsonObject referral) => Guid.Parse((string)referral["id"]!);

    public static int Version(JsonObject referral) => (int)referral["version"]!;
}
