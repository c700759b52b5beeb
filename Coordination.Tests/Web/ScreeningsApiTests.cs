using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Coordination.Tests.Support;

namespace Coordination.Tests.Web;

public sealed class ScreeningsApiTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    private readonly BoardApp _app = fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_screening_that_registers_a_child_answers_201_with_ids_and_its_sequence()
    {
        using var api = _app.Api("health");
        var before = await _app.CountRowsAsync();

        using var response = await api.PostAsJsonAsync("/api/v1/screenings", ScreeningBodies.NewChild(), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.True(Guid.TryParse((string?)body!["id"], out _));
        Assert.True(Guid.TryParse((string?)body["childId"], out _));
        var after = await _app.CountRowsAsync();
        Assert.Equal(before.Children + 1, after.Children);
        Assert.Equal(before.Screenings + 1, after.Screenings);
        Assert.Equal(before.Events + 2, after.Events);
        Assert.Equal(after.Events, (long)body["sequence"]!);
    }

    [Fact]
    public async Task A_second_screening_of_a_registered_child_by_id_adds_no_child()
    {
        using var api = _app.Api("health");
        using var first = await api.PostAsJsonAsync("/api/v1/screenings", ScreeningBodies.NewChild(), Ct);
        var childId = Guid.Parse((string)(await first.Content.ReadFromJsonAsync<JsonObject>(Ct))!["childId"]!);
        var before = await _app.CountRowsAsync();

        using var second = await api.PostAsJsonAsync("/api/v1/screenings", ScreeningBodies.Existing(childId), Ct);

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var body = await second.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal(childId, Guid.Parse((string)body!["childId"]!));
        var after = await _app.CountRowsAsync();
        Assert.Equal(before.Children, after.Children);
        Assert.Equal(before.Screenings + 1, after.Screenings);
    }

    public static TheoryData<string, string> BadInputs => new()
    {
        { "bad-check-digit", "child.residentId" },
        { "unknown-township", "child.township" },
        { "future-birth-date", "child.birthDate" },
        { "missing-kind", "kind" },
        { "unknown-key", "colour" },
        { "unknown-nested-key", "child.nickname" },
        { "malformed-date", "date" },
        { "other-agencys-kind", "kind" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_answers_400_naming_the_field_and_writes_nothing(string spoil, string field)
    {
        var body = ScreeningBodies.NewChild();
        var child = body["child"]!.AsObject();
        switch (spoil)
        {
            case "bad-check-digit":
                child["residentId"] = TestResidentIds.WithWrongCheck((string)child["residentId"]!);
                break;
            case "unknown-township":
                child["township"] = "atlantis-zhen";
                break;
            case "future-birth-date":
                child["birthDate"] = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                break;
            case "missing-kind":
                body.Remove("kind");
                break;
            case "unknown-key":
                body["colour"] = "red";
                break;
            case "unknown-nested-key":
                child["nickname"] = "小明";
                break;
            case "malformed-date":
                body["date"] = "yesterday";
                break;
            case "other-agencys-kind":
                body["kind"] = "household";
                break;
        }
        using var api = _app.Api("health");
        var before = await _app.CountRowsAsync();

        using var response = await api.PostAsJsonAsync("/api/v1/screenings", body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        var errors = problem!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"errors should name '{field}' but were: {errors.ToJsonString()}");
        var message = (string)errors[field]![0]!;
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.DoesNotContain("Error.", message, StringComparison.Ordinal);
        Assert.Equal(before, await _app.CountRowsAsync());
    }

    [Fact]
    public async Task Problem_messages_are_Chinese_by_default()
    {
        var body = ScreeningBodies.NewChild();
        body["child"]!["residentId"] = TestResidentIds.WithWrongCheck((string)body["child"]!["residentId"]!);
        using var api = _app.Api("health");

        using var response = await api.PostAsJsonAsync("/api/v1/screenings", body, Ct);

        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal("身份证号校验位不正确，请核对。", (string)problem!["errors"]!["child.residentId"]![0]!);
        Assert.Equal("Error.ResidentId.CheckDigit", (string)problem["codes"]!["child.residentId"]![0]!);
    }

    [Fact]
    public async Task A_caller_without_a_known_agency_is_refused_and_nothing_is_written()
    {
        using var anonymous = _app.Api(null);
        using var stranger = _app.Api("ministry-of-magic");
        var before = await _app.CountRowsAsync();

        using var r1 = await anonymous.PostAsJsonAsync("/api/v1/screenings", ScreeningBodies.NewChild(), Ct);
        using var r2 = await stranger.PostAsJsonAsync("/api/v1/screenings", ScreeningBodies.NewChild(), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, r1.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, r2.StatusCode);
        Assert.Equal(before, await _app.CountRowsAsync());
    }

    [Fact]
    public async Task Events_after_N_are_exactly_the_later_events_in_order()
    {
        using var api = _app.Api("health");
        using (await api.PostAsJsonAsync("/api/v1/screenings", ScreeningBodies.NewChild(), Ct))
        {
        }
        var all = await api.GetFromJsonAsync<JsonArray>("/api/v1/board/events?after=0", Ct);
        var sequences = all!.Select(e => (long)e!["sequence"]!).ToList();
        Assert.True(sequences.Count >= 2);
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);

        var n = sequences[^2];
        var later = await api.GetFromJsonAsync<JsonArray>($"/api/v1/board/events?after={n}", Ct);

        Assert.Equal(sequences.Where(s => s > n), later!.Select(e => (long)e!["sequence"]!));
        var one = later![0]!.AsObject();
        Assert.Equal("screening.recorded", (string)one["kind"]!);
        Assert.DoesNotContain("测试儿童", one.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_with_a_negative_after_are_a_problem_detail()
    {
        using var api = _app.Api("health");
        using var response = await api.GetAsync("/api/v1/board/events?after=-1", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.True(problem!["errors"]!.AsObject().ContainsKey("after"));
    }

    [Fact]
    public async Task Health_answers_200_to_anyone_and_the_OpenAPI_document_describes_the_API_to_a_caller()
    {
        using var anonymous = _app.Api(null);
        using var health = await anonymous.GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        using var api = _app.Api("health");
        using var doc = JsonDocument.Parse(await api.GetStringAsync("/openapi/v1.json", Ct));
        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/screenings", out _));
        Assert.True(paths.TryGetProperty("/api/v1/board/events", out _));
    }

    [Fact]
    public async Task An_events_detail_is_a_json_object_on_the_wire_and_in_the_OpenAPI_document()
    {
        using var api = _app.Api("health");
        using var created = await api.PostAsJsonAsync("/api/v1/screenings", ScreeningBodies.NewChild(kind: "health-check"), Ct);
        created.EnsureSuccessStatusCode();
        var sequence = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("sequence").GetInt64();

        using var events = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/board/events?after={sequence - 1}", Ct));
        var screening = events.RootElement.EnumerateArray().Single(e => e.GetProperty("sequence").GetInt64() == sequence);
        Assert.Equal(JsonValueKind.Object, screening.GetProperty("detail").ValueKind);
        Assert.Equal("health-check", screening.GetProperty("detail").GetProperty("kind").GetString());
        Assert.False(screening.GetProperty("detail").TryGetProperty("from", out _), "members that do not apply are left out");

        using var doc = JsonDocument.Parse(await api.GetStringAsync("/openapi/v1.json", Ct));
        var detail = doc.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("BoardEventDetail");
        var members = detail.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["kind", "categories", "reason", "from", "to", "need", "urgency", "stage", "quarter", "count"], members);
    }

    /// <summary>A second body for the child <paramref name="first"/> registered: same name, birth date and township, another resident ID.</summary>
    private static JsonObject NearDuplicateOf(JsonObject first)
    {
        var again = ScreeningBodies.NewChild(kind: "school-survey");
        var birth = (string)first["child"]!["birthDate"]!;
        again["child"]!["birthDate"] = birth;
        again["child"]!["residentId"] = TestResidentIds.Unique(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), Coordination.Core.Children.Sex.F);
        return again;
    }

    private async Task<Guid> RegisterAsync(JsonObject body, string agency = "health")
    {
        using var api = _app.Api(agency);
        using var response = await api.PostAsJsonAsync("/api/v1/screenings", body, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((string)(await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["childId"]!);
    }

    [Fact]
    public async Task A_near_duplicate_without_confirmation_is_refused_with_409_naming_the_child_masked_and_nothing_is_written()
    {
        var first = ScreeningBodies.NewChild();
        var registered = await RegisterAsync(first);
        var again = NearDuplicateOf(first);
        using var api = _app.Api("education");
        var before = await _app.CountRowsAsync();

        using var response = await api.PostAsJsonAsync("/api/v1/screenings", again, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal("Error.Child.NearDuplicate", (string)problem!["code"]!);
        Assert.Equal("child.distinctFrom", (string)problem["field"]!);
        Assert.Contains("同名", (string)problem["title"]!, StringComparison.Ordinal);
        var near = Assert.Single(problem["nearDuplicates"]!.AsArray())!;
        Assert.Equal(registered, Guid.Parse((string)near["id"]!));
        Assert.Equal("测试儿童", (string)near["name"]!);
        var residentId = (string)first["child"]!["residentId"]!;
        Assert.Equal(residentId[..6] + "************", (string)near["residentId"]!);
        Assert.DoesNotContain(residentId, problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(before, await _app.CountRowsAsync());
    }

    [Fact]
    public async Task A_near_duplicate_confirmed_by_naming_the_child_in_distinctFrom_is_registered_and_a_confirmation_naming_another_is_not()
    {
        var first = ScreeningBodies.NewChild();
        var registered = await RegisterAsync(first);
        var again = NearDuplicateOf(first);
        using var api = _app.Api("education");
        var before = await _app.CountRowsAsync();

        // A confirmation holds for the children it names: one naming some other child confirms nothing.
        again["child"]!["distinctFrom"] = new JsonArray(Guid.NewGuid().ToString());
        using var wrong = await api.PostAsJsonAsync("/api/v1/screenings", again, Ct);
        Assert.Equal(HttpStatusCode.Conflict, wrong.StatusCode);
        Assert.Equal(before, await _app.CountRowsAsync());

        again["child"]!["distinctFrom"] = new JsonArray(registered.ToString());
        using var confirmed = await api.PostAsJsonAsync("/api/v1/screenings", again, Ct);

        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        var childId = Guid.Parse((string)(await confirmed.Content.ReadFromJsonAsync<JsonObject>(Ct))!["childId"]!);
        Assert.NotEqual(registered, childId);
        var after = await _app.CountRowsAsync();
        Assert.Equal(before.Children + 1, after.Children);
        Assert.Equal(before.Screenings + 1, after.Screenings);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_distinctFrom_and_the_409()
    {
        using var api = _app.Api("health");
        using var doc = JsonDocument.Parse(await api.GetStringAsync("/openapi/v1.json", Ct));

        var post = doc.RootElement.GetProperty("paths").GetProperty("/api/v1/screenings").GetProperty("post");
        Assert.True(post.GetProperty("responses").TryGetProperty("409", out _));
        Assert.Contains("distinctFrom", post.GetProperty("description").GetString(), StringComparison.Ordinal);
        var child = doc.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("ScreeningChildRequest");
        Assert.True(child.GetProperty("properties").TryGetProperty("distinctFrom", out _));
    }
}
