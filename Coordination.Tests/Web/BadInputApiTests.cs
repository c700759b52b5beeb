using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Coordination.Core;
using Coordination.Core.Assistance;
using Coordination.Core.Data;
using Coordination.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Web;

/// <summary>
/// The bad inputs the attacker's probe found (holes 7 and 8 of issue 8), at the API: each is a 4xx problem detail
/// naming the field or parameter, nothing is written, and none is a 500.
/// </summary>
public sealed class BadInputApiTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    private readonly BoardApp _app = fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> RegisterAsync(JsonObject body, string agency = "health")
    {
        using var api = _app.Api(agency);
        using var response = await api.PostAsJsonAsync("/api/v1/screenings", body, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((string)(await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["childId"]!);
    }

    private async Task<int> AssistanceRowsAsync()
    {
        var factory = _app.Services.GetRequiredService<IDbContextFactory<CoordinationDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.AssistanceRecords.CountAsync(Ct);
    }

    /// <summary>The problem's codes for one field; asserts a 4xx problem detail.</summary>
    private static async Task<string[]> CodesAtAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        var codes = problem!["codes"]?.AsObject();
        Assert.True(codes is not null && codes.ContainsKey(field), $"no code at '{field}': {problem.ToJsonString()}");
        return codes![field]!.AsArray().Select(c => (string)c!).ToArray();
    }

    private static StringContent Json(string raw) => new(raw, Encoding.UTF8, "application/json");

    [Fact]
    public async Task An_assistance_amount_of_1e27_is_refused_at_the_amount_and_nothing_is_written()
    {
        var child = await RegisterAsync(ScreeningBodies.NewChild());
        var before = await AssistanceRowsAsync();
        using var api = _app.Api("civil-affairs");

        using var response = await api.PostAsync("/api/v1/assistance", Json(
            $$"""{"childId":"{{child}}","kind":"{{AssistanceKind.GoldenAutumnAid.Key()}}","date":"{{ScreeningBodies.Today}}","amount":1e27}"""), Ct);

        Assert.Contains("Error.Amount.Format", await CodesAtAsync(response, HttpStatusCode.BadRequest, "amount"));
        Assert.Equal(before, await AssistanceRowsAsync());
    }

    [Fact]
    public async Task A_number_sent_as_a_string_is_refused_naming_the_field()
    {
        var child = await RegisterAsync(ScreeningBodies.NewChild());
        var before = await AssistanceRowsAsync();
        using var api = _app.Api("civil-affairs");

        using var response = await api.PostAsync("/api/v1/assistance", Json(
            $$"""{"childId":"{{child}}","kind":"{{AssistanceKind.GoldenAutumnAid.Key()}}","date":"{{ScreeningBodies.Today}}","amount":"100"}"""), Ct);

        Assert.Contains("Error.Json.Malformed", await CodesAtAsync(response, HttpStatusCode.BadRequest, "amount"));
        Assert.Equal(before, await AssistanceRowsAsync());
    }

    [Fact]
    public async Task A_key_given_twice_is_refused_naming_the_field()
    {
        var child = await RegisterAsync(ScreeningBodies.NewChild());
        var before = await AssistanceRowsAsync();
        using var api = _app.Api("civil-affairs");

        using var response = await api.PostAsync("/api/v1/assistance", Json(
            $$"""{"childId":"{{child}}","kind":"{{AssistanceKind.GoldenAutumnAid.Key()}}","date":"{{ScreeningBodies.Today}}","amount":10,"amount":100000}"""), Ct);

        Assert.Contains("Error.Json.Malformed", await CodesAtAsync(response, HttpStatusCode.BadRequest, "amount"));
        Assert.Equal(before, await AssistanceRowsAsync());
    }

    [Theory]
    [InlineData("1999-12-31")]
    [InlineData("2015-03-01")]
    public async Task An_assistance_date_before_2000_or_before_the_childs_birth_is_refused_at_the_date(string date)
    {
        var child = await RegisterAsync(ScreeningBodies.NewChild()); // born 2015-03-02 or later
        var before = await AssistanceRowsAsync();
        using var api = _app.Api("civil-affairs");

        using var response = await api.PostAsync("/api/v1/assistance", Json(
            $$"""{"childId":"{{child}}","kind":"{{AssistanceKind.GoldenAutumnAid.Key()}}","date":"{{date}}","amount":100}"""), Ct);

        var codes = await CodesAtAsync(response, HttpStatusCode.BadRequest, "date");
        Assert.True(codes.Contains("Error.Date.TooOld") || codes.Contains("Error.Date.BeforeBirth"), string.Join(",", codes));
        Assert.Equal(before, await AssistanceRowsAsync());
    }

    [Theory]
    [InlineData("王\u0000丽", "Error.Text.Control")]
    [InlineData("王\u0007丽", "Error.Text.Control")]
    [InlineData("王\n丽", "Error.Text.Control")]
    [InlineData("王\u202E丽", "Error.Text.Control")]
    [InlineData("\u200B\u200D\uFEFF", "Error.Text.Invisible")]
    public async Task A_name_with_controls_line_breaks_bidi_overrides_or_only_invisible_characters_is_refused_at_the_name(string name, string code)
    {
        var body = ScreeningBodies.NewChild();
        body["child"]!["name"] = name;
        var before = await _app.CountRowsAsync();
        using var api = _app.Api("health");

        using var response = await api.PostAsJsonAsync("/api/v1/screenings", body, Ct);

        Assert.Contains(code, await CodesAtAsync(response, HttpStatusCode.BadRequest, "child.name"));
        Assert.Equal(before, await _app.CountRowsAsync());
    }

    [Fact]
    public async Task A_guardian_name_over_the_limit_or_findings_with_a_NUL_are_refused_at_their_fields()
    {
        var body = ScreeningBodies.NewChild();
        body["child"]!["guardianName"] = new string('陈', 101);
        body["findings"] = "监护落实\u0000";
        var before = await _app.CountRowsAsync();
        using var api = _app.Api("health");

        using var response = await api.PostAsJsonAsync("/api/v1/screenings", body, Ct);

        Assert.Contains("Error.Text.TooLong", await CodesAtAsync(response, HttpStatusCode.BadRequest, "child.guardianName"));
        Assert.Equal(before, await _app.CountRowsAsync());
        using var again = await api.PostAsJsonAsync("/api/v1/screenings", body, Ct);
        Assert.Contains("Error.Text.Control", await CodesAtAsync(again, HttpStatusCode.BadRequest, "findings"));
    }

    [Fact]
    public async Task A_closure_note_of_5_MB_is_refused_at_the_note_and_the_file_stays_open()
    {
        var child = await RegisterAsync(ScreeningBodies.NewChild());
        using var api = _app.Api("health");

        using var response = await api.PostAsJsonAsync($"/api/v1/children/{child}/close", new { reason = "other", note = new string('x', 5 * 1024 * 1024 / 2) }, Ct);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, response.StatusCode.ToString());
        var detail = await api.GetFromJsonAsync<JsonObject>($"/api/v1/children/{child}", Ct);
        Assert.Equal("active", (string)detail!["status"]!);
        using var longNote = await api.PostAsJsonAsync($"/api/v1/children/{child}/close", new { reason = "other", note = new string('x', 501) }, Ct);
        Assert.Contains("Error.Text.TooLong", await CodesAtAsync(longNote, HttpStatusCode.BadRequest, "note"));
    }

    [Fact]
    public async Task Twenty_concurrent_posts_with_one_new_resident_id_register_one_child_and_none_fails()
    {
        var template = ScreeningBodies.NewChild();
        var before = await _app.CountRowsAsync();
        using var api = _app.Api("health");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await api.PostAsJsonAsync("/api/v1/screenings", template.DeepClone(), Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            return (response.StatusCode, Body: body);
        }));

        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.Created, $"{a.StatusCode}: {a.Body}"));
        Assert.Single(answers.Select(a => (string)JsonNode.Parse(a.Body)!["childId"]!).Distinct());
        var after = await _app.CountRowsAsync();
        Assert.Equal(before.Children + 1, after.Children);
        Assert.Equal(before.Screenings + 20, after.Screenings);
    }

    [Fact]
    public async Task A_new_child_whose_resident_id_is_registered_under_another_name_is_refused_with_409_naming_the_registered_child()
    {
        var first = ScreeningBodies.NewChild();
        var registered = await RegisterAsync(first);
        var again = ScreeningBodies.NewChild(kind: "school-survey");
        again["child"]!["residentId"] = (string)first["child"]!["residentId"]!;
        again["child"]!["birthDate"] = (string)first["child"]!["birthDate"]!;
        again["child"]!["name"] = "另一个名字";
        var before = await _app.CountRowsAsync();
        using var api = _app.Api("education");

        using var response = await api.PostAsJsonAsync("/api/v1/screenings", again, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal("Error.ResidentId.RegisteredOther", (string)problem!["code"]!);
        Assert.Equal(registered, Guid.Parse((string)problem["childId"]!));
        Assert.Equal("测试儿童", (string)problem["child"]!["name"]!);
        Assert.Equal(before, await _app.CountRowsAsync());
        // Referring to the registered child by its id records the screening.
        Assert.Equal(registered, await RegisterAsync(ScreeningBodies.Existing(registered, kind: "school-survey"), agency: "education"));
    }

    [Fact]
    public async Task A_township_supervisor_typing_the_id_of_another_townships_child_is_refused_without_being_pointed_at_it()
    {
        var first = ScreeningBodies.NewChild(township: "fengzhou-zhen");
        var registered = await RegisterAsync(first);
        var again = ScreeningBodies.NewChild(kind: "household", township: BoardApp.TestTownship);
        again["child"]!["residentId"] = (string)first["child"]!["residentId"]!;
        again["child"]!["birthDate"] = (string)first["child"]!["birthDate"]!;
        again["child"]!["name"] = "另一个名字";
        var before = await _app.CountRowsAsync();
        using var browser = new HttpBrowser(_app.Address);
        Assert.True((await browser.SignInAsync(BoardApp.EmailOf("civil-affairs", Core.Access.Role.Township), BoardApp.Password)).SignedIn);

        using var response = await browser.Http.PostAsJsonAsync("/api/v1/screenings", again, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal("Error.ResidentId.RegisteredOther", (string)problem["code"]!);
        Assert.Null(problem["childId"]);
        Assert.Null(problem["child"]);
        Assert.DoesNotContain(registered.ToString(), body, StringComparison.Ordinal);
        Assert.DoesNotContain("测试儿童", body, StringComparison.Ordinal);
        Assert.Equal(before, await _app.CountRowsAsync());
    }

    [Theory]
    [InlineData("/api/v1/children?page=abc", "page")]
    [InlineData("/api/v1/children?pageSize=1e3", "pageSize")]
    [InlineData("/api/v1/children?desc=maybe", "desc")]
    [InlineData("/api/v1/board/events?after=yesterday", "after")]
    [InlineData("/api/v1/board/events?limit=-", "limit")]
    [InlineData("/api/v1/referrals?childId=not-a-guid", "childId")]
    [InlineData("/api/v1/referrals?overdue=perhaps", "overdue")]
    public async Task A_malformed_query_value_answers_400_naming_the_parameter(string path, string parameter)
    {
        using var api = _app.Api("health");

        using var response = await api.GetAsync(path, Ct);

        Assert.Contains("Error.Query.Malformed", await CodesAtAsync(response, HttpStatusCode.BadRequest, parameter));
    }

    [Theory]
    [InlineData("/\r\nSet-Cookie: x=1")]
    [InlineData("/\u0001")]
    [InlineData("//evil.example")]
    public async Task A_bad_return_address_on_the_language_switch_goes_home_instead_of_failing(string returnUrl)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _app.Address };

        using var response = await http.GetAsync("/preferences/culture?culture=en-US&returnUrl=" + Uri.EscapeDataString(returnUrl), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
