using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Tests.Support;

namespace Coordination.Tests.Web;

public sealed class RegisterApiTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    private readonly BoardApp _app = fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> RegisterAsync(JsonObject? body = null, string agency = "health")
    {
        using var api = _app.Api(agency);
        using var response = await api.PostAsJsonAsync("/api/v1/screenings", body ?? ScreeningBodies.NewChild(), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((string)(await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["childId"]!);
    }

    [Fact]
    public async Task Registering_a_child_whose_resident_id_exists_returns_the_existing_child()
    {
        var first = ScreeningBodies.NewChild();
        var id = await RegisterAsync(first);
        var before = await _app.CountRowsAsync();
        var again = ScreeningBodies.NewChild(kind: "school-survey");
        again["child"]!["residentId"] = (string)first["child"]!["residentId"]!;
        again["child"]!["birthDate"] = (string)first["child"]!["birthDate"]!;

        var second = await RegisterAsync(again, agency: "education");

        Assert.Equal(id, second);
        var after = await _app.CountRowsAsync();
        Assert.Equal(before.Children, after.Children);
        Assert.Equal(before.Screenings + 1, after.Screenings);
    }

    [Fact]
    public async Task The_child_detail_has_the_record_its_screenings_and_the_risk_with_reasons()
    {
        var body = ScreeningBodies.NewChild(risk: "high");
        body["child"]!["guardianName"] = "陈某某";
        body["child"]!["guardianRelation"] = "grandparent";
        body["child"]!["guardianPhone"] = "13800001234";
        body["child"]!["parentsWorkPlace"] = "厦门";
        body["healthCheck"] = new JsonObject { ["heightCm"] = 131.5, ["weightKg"] = 27.2, ["greenChannelEligible"] = false };
        var id = await RegisterAsync(body);
        using var api = _app.Api("health");

        var child = await api.GetFromJsonAsync<JsonObject>($"/api/v1/children/{id}", Ct);

        Assert.Equal("测试儿童", (string)child!["name"]!);
        var residentId = (string)body["child"]!["residentId"]!;
        Assert.Equal(residentId[..6] + "************", (string)child["residentId"]!);
        using var reveal = await api.PostAsync($"/api/v1/children/{id}/resident-id", null, Ct);
        Assert.Equal(residentId, (string)(await reveal.Content.ReadFromJsonAsync<JsonObject>(Ct))!["residentId"]!);
        Assert.Equal("grandparent", (string)child["guardianRelation"]!);
        Assert.Equal("厦门", (string)child["parentsWorkPlace"]!);
        Assert.Equal("high", (string)child["risk"]!);
        Assert.Equal("Risk.Reason.Assessed", (string)child["riskReasons"]![0]!["code"]!);
        var screening = child["screenings"]![0]!;
        Assert.Equal("health-check", (string)screening["kind"]!);
        Assert.Equal(131.5m, (decimal)screening["details"]!["heightCm"]!);
        Assert.Equal("left-behind", (string)child["categories"]![0]!["category"]!);
        Assert.Equal("health", (string)child["categories"]![0]!["agency"]!);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "/close")]
    [InlineData("POST", "/resident-id")]
    public async Task An_unknown_child_is_a_404_problem_naming_the_code_and_the_id(string method, string tail)
    {
        var id = Guid.NewGuid();
        using var api = _app.Api("health");
        var before = await _app.CountRowsAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/children/{id}{tail}");
        if (tail == "/close")
        {
            request.Content = JsonContent.Create(new { reason = "parents-returned" });
        }

        using var response = await api.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal("Error.Child.NotFound", (string)problem!["code"]!);
        Assert.Equal(id, Guid.Parse((string)problem["id"]!));
        Assert.Equal(_app.Chinese("Error.Child.NotFound"), (string)problem["title"]!);
        Assert.Equal(before, await _app.CountRowsAsync());
    }

    [Fact]
    public async Task The_list_filters_by_township_and_finds_a_child_by_its_whole_id_with_ids_masked()
    {
        var body = ScreeningBodies.NewChild(township: "xiangyang-xiang");
        var id = await RegisterAsync(body);
        var residentId = (string)body["child"]!["residentId"]!;
        using var api = _app.Api("health");

        var byTownship = await api.GetFromJsonAsync<JsonObject>("/api/v1/children?township=xiangyang-xiang&pageSize=200", Ct);
        var byTail = await api.GetFromJsonAsync<JsonObject>($"/api/v1/children?q={residentId}", Ct);

        Assert.All(byTownship!["items"]!.AsArray(), row => Assert.Equal("xiangyang-xiang", (string)row!["township"]!));
        Assert.Contains(byTownship["items"]!.AsArray(), row => (string)row!["id"]! == id.ToString());
        var found = Assert.Single(byTail!["items"]!.AsArray());
        Assert.Equal(id.ToString(), (string)found!["id"]!);
        Assert.Equal(residentId[..6] + "************", (string)found["residentId"]!);
        Assert.Equal(1, (int)byTail["total"]!);
    }

    [Theory]
    [InlineData("risk=extreme", "risk")]
    [InlineData("category=rich", "category")]
    [InlineData("pageSize=5000", "pageSize")]
    [InlineData("sort=shoe-size", "sort")]
    public async Task A_bad_list_filter_is_a_problem_naming_it(string query, string field)
    {
        using var api = _app.Api("health");
        using var response = await api.GetAsync($"/api/v1/children?{query}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.True(problem!["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task Money_assistance_is_kept_to_the_fen_and_a_third_decimal_is_refused()
    {
        var id = await RegisterAsync();
        using var api = _app.Api("civil-affairs");
        var before = await _app.CountRowsAsync();

        using var bad = await api.PostAsJsonAsync("/api/v1/assistance", new { childId = id, kind = "golden-autumn-aid", date = ScreeningBodies.Today, amount = 1234.567m }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject().ContainsKey("amount"));
        Assert.Equal(before, await _app.CountRowsAsync());

        using var good = await api.PostAsJsonAsync("/api/v1/assistance", new { childId = id, kind = "golden-autumn-aid", date = ScreeningBodies.Today, amount = 1234.56m, note = "秋季助学" }, Ct);
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        var child = await api.GetFromJsonAsync<JsonObject>($"/api/v1/children/{id}", Ct);
        var record = Assert.Single(child!["assistance"]!.AsArray());
        Assert.Equal(1234.56m, (decimal)record!["amount"]!);
        Assert.Equal("civil-affairs", (string)record["agency"]!);
    }

    [Fact]
    public async Task Closing_needs_a_reason_and_then_closes_the_file()
    {
        var id = await RegisterAsync();
        using var api = _app.Api("civil-affairs");

        using var noReason = await api.PostAsJsonAsync($"/api/v1/children/{id}/close", new { note = "?" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("active", (string)(await api.GetFromJsonAsync<JsonObject>($"/api/v1/children/{id}", Ct))!["status"]!);

        using var closed = await api.PostAsJsonAsync($"/api/v1/children/{id}/close", new { reason = "parents-returned" }, Ct);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var child = await api.GetFromJsonAsync<JsonObject>($"/api/v1/children/{id}", Ct);
        Assert.Equal("closed", (string)child!["status"]!);
        Assert.Equal("parents-returned", (string)child["closureReason"]!);
    }

    [Fact]
    public async Task A_merge_through_an_API_key_is_refused_because_merging_is_civil_affairs_leads_decision()
    {
        var kept = await RegisterAsync();
        var duplicate = await RegisterAsync(ScreeningBodies.NewChild(kind: "school-survey"), agency: "education");
        using var civil = _app.Api("civil-affairs");
        var before = await _app.CountRowsAsync();

        using var refused = await civil.PostAsJsonAsync($"/api/v1/children/{kept}/merge", new { duplicateId = duplicate }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Error.Merge.CivilAffairsOnly", (string)(await refused.Content.ReadFromJsonAsync<JsonObject>(Ct))!["code"]!);
        Assert.Equal(before, await _app.CountRowsAsync());
        Assert.Equal("active", (string)(await civil.GetFromJsonAsync<JsonObject>($"/api/v1/children/{duplicate}", Ct))!["status"]!);
    }

    [Fact]
    public async Task Programmes_report_their_targets()
    {
        using var api = _app.Api("health");
        var programmes = await api.GetFromJsonAsync<JsonArray>("/api/v1/programmes", Ct);
        var hope = programmes!.Single(p => (string)p!["key"]! == "hope-cabins-2026")!;
        Assert.Equal(50, (int)hope["target"]!);
        var saturday = programmes!.Single(p => (string)p!["key"]! == "saturday-classes-2026")!;
        Assert.Equal(26, (int)saturday["target"]!);
        Assert.Equal("townships", (string)saturday["unit"]!);
    }
}
