using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Coordination.Tests.Support;

namespace Coordination.Tests.Web;

public sealed class ReferralsApiTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    private readonly BoardApp _app = fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonObject> GetAsync(Guid id, string agency = "education")
    {
        using var api = _app.Api(agency);
        return (await api.GetFromJsonAsync<JsonObject>($"/api/v1/referrals/{id}", Ct))!;
    }

    private async Task<HttpResponseMessage> PostAsync(string agency, string path, JsonObject body)
    {
        using var api = _app.Api(agency);
        return await api.PostAsJsonAsync(path, body, Ct);
    }

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    [Fact]
    public async Task Sending_answers_201_with_id_status_due_time_and_version()
    {
        var child = await ReferralBodies.ChildAsync(_app);
        var before = DateTimeOffset.UtcNow;

        using var response = await PostAsync("education", "/api/v1/referrals", ReferralBodies.New(child));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal(["id", "status", "dueAt", "version"], body.Select(kv => kv.Key));
        Assert.Equal("pending", (string)body["status"]!);
        Assert.Equal(1, (int)body["version"]!);
        var due = body["dueAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(due, before.AddHours(24).AddSeconds(-5), DateTimeOffset.UtcNow.AddHours(24).AddSeconds(5));
        Assert.Equal($"/api/v1/referrals/{body["id"]}", response.Headers.Location?.ToString());

        var detail = await GetAsync(ReferralBodies.Id(body));
        Assert.Equal(("education", "womens-federation", "psychological", "urgent"),
            ((string)detail["from"]!, (string)detail["to"]!, (string)detail["need"]!, (string)detail["urgency"]!));
        Assert.Equal("created", (string)detail["history"]![0]!["action"]!);
        Assert.Equal("测**童", (string)detail["child"]!);
    }

    public static TheoryData<string, string> BadReferrals => new()
    {
        { "unknown-key", "colour" },
        { "to-itself", "to" },
        { "unknown-need", "need" },
        { "unknown-urgency", "urgency" },
        { "missing-child", "childId" },
        { "unknown-child", "childId" },
        { "malformed-child", "childId" },
    };

    [Theory]
    [MemberData(nameof(BadReferrals))]
    public async Task A_bad_referral_answers_400_naming_the_field_and_writes_nothing(string spoil, string field)
    {
        var body = ReferralBodies.New(await ReferralBodies.ChildAsync(_app));
        switch (spoil)
        {
            case "unknown-key": body["colour"] = "red"; break;
            case "to-itself": body["to"] = "education"; break;
            case "unknown-need": body["need"] = "housing"; break;
            case "unknown-urgency": body["urgency"] = "asap"; break;
            case "missing-child": body.Remove("childId"); break;
            case "unknown-child": body["childId"] = Guid.NewGuid().ToString(); break;
            case "malformed-child": body["childId"] = "child-42"; break;
        }
        var before = await _app.CountRowsAsync();

        using var response = await PostAsync("education", "/api/v1/referrals", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ProblemAsync(response))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"errors should name '{field}' but were: {errors.ToJsonString()}");
        Assert.DoesNotContain("Error.", (string)errors[field]![0]!, StringComparison.Ordinal);
        Assert.Equal(before, await _app.CountRowsAsync());
    }

    [Fact]
    public async Task Without_a_known_caller_every_referral_call_is_401()
    {
        var sent = await ReferralBodies.SendAsync(_app);
        using var anonymous = _app.Api(null);

        using var create = await anonymous.PostAsJsonAsync("/api/v1/referrals", ReferralBodies.New(Guid.NewGuid()), Ct);
        using var list = await anonymous.GetAsync("/api/v1/referrals", Ct);
        using var accept = await anonymous.PostAsJsonAsync($"/api/v1/referrals/{sent["id"]}/accept", new JsonObject { ["version"] = 1 }, Ct);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], new[] { create.StatusCode, list.StatusCode, accept.StatusCode });
    }

    [Fact]
    public async Task Accept_then_complete_answer_200_with_the_new_version_and_history()
    {
        var sent = await ReferralBodies.SendAsync(_app);
        var id = ReferralBodies.Id(sent);

        using var accept = await PostAsync("womens-federation", $"/api/v1/referrals/{id}/accept", new JsonObject { ["version"] = 1 });
        var accepted = (await accept.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        using var complete = await PostAsync("womens-federation", $"/api/v1/referrals/{id}/complete",
            new JsonObject { ["version"] = ReferralBodies.Version(accepted), ["outcome"] = "已安排团体辅导" });
        var completed = (await complete.Content.ReadFromJsonAsync<JsonObject>(Ct))!;

        Assert.Equal((HttpStatusCode.OK, "accepted", 2), (accept.StatusCode, (string)accepted["status"]!, ReferralBodies.Version(accepted)));
        Assert.Equal((HttpStatusCode.OK, "completed", 3), (complete.StatusCode, (string)completed["status"]!, ReferralBodies.Version(completed)));
        Assert.Equal("已安排团体辅导", (string)completed["outcome"]!);
        Assert.Equal(["created", "accepted", "completed"], completed["history"]!.AsArray().Select(s => (string)s!["action"]!));
        Assert.Equal("api:womens-federation", (string)completed["history"]![1]!["person"]!);
    }

    [Theory]
    [InlineData("decline", "womens-federation", null)]
    [InlineData("decline", "womens-federation", "  ")]
    [InlineData("withdraw", "education", null)]
    [InlineData("withdraw", "education", "")]
    public async Task A_decline_or_withdrawal_without_a_reason_answers_400_on_reason_and_changes_nothing(string action, string agency, string? reason)
    {
        var id = ReferralBodies.Id(await ReferralBodies.SendAsync(_app));
        var body = new JsonObject { ["version"] = 1 };
        if (reason is not null)
        {
            body["reason"] = reason;
        }
        var before = await _app.CountRowsAsync();

        using var response = await PostAsync(agency, $"/api/v1/referrals/{id}/{action}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("请填写理由。", (string)problem["errors"]!["reason"]![0]!);
        Assert.Equal("Error.Reason.Required", (string)problem["codes"]!["reason"]![0]!);
        var after = await GetAsync(id);
        Assert.Equal(("pending", 1), ((string)after["status"]!, ReferralBodies.Version(after)));
        Assert.Single(after["history"]!.AsArray());
        Assert.Equal(before, await _app.CountRowsAsync());
    }

    [Fact]
    public async Task A_transition_without_a_version_or_with_an_unknown_key_is_400_naming_it()
    {
        var id = ReferralBodies.Id(await ReferralBodies.SendAsync(_app));

        using var noVersion = await PostAsync("womens-federation", $"/api/v1/referrals/{id}/accept", []);
        using var extra = await PostAsync("womens-federation", $"/api/v1/referrals/{id}/accept", new JsonObject { ["version"] = 1, ["reason"] = "x" });

        Assert.True((await ProblemAsync(noVersion))["errors"]!.AsObject().ContainsKey("version"));
        Assert.True((await ProblemAsync(extra))["errors"]!.AsObject().ContainsKey("reason"));
    }

    [Fact]
    public async Task An_agency_that_may_not_act_gets_403_and_an_unknown_id_404()
    {
        var id = ReferralBodies.Id(await ReferralBodies.SendAsync(_app));

        using var byHealth = await PostAsync("health", $"/api/v1/referrals/{id}/accept", new JsonObject { ["version"] = 1 });
        using var byReceiver = await PostAsync("womens-federation", $"/api/v1/referrals/{id}/withdraw", new JsonObject { ["version"] = 1, ["reason"] = "不想办" });
        using var missing = await PostAsync("womens-federation", $"/api/v1/referrals/{Guid.NewGuid()}/accept", new JsonObject { ["version"] = 1 });
        using var api = _app.Api("education");
        using var missingDetail = await api.GetAsync($"/api/v1/referrals/{Guid.NewGuid()}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byHealth.StatusCode);
        Assert.Equal("Error.Referral.NotReceiver", (string)(await ProblemAsync(byHealth))["code"]!);
        Assert.Equal(HttpStatusCode.Forbidden, byReceiver.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("Error.Referral.NotFound", (string)(await ProblemAsync(missing))["code"]!);
        Assert.Equal(HttpStatusCode.NotFound, missingDetail.StatusCode);
        Assert.Equal("Error.Referral.NotFound", (string)(await ProblemAsync(missingDetail))["code"]!);
        Assert.Equal("pending", (string)(await GetAsync(id))["status"]!);
    }

    [Fact]
    public async Task A_stale_version_answers_409_saying_who_did_what()
    {
        var id = ReferralBodies.Id(await ReferralBodies.SendAsync(_app));
        using (await PostAsync("womens-federation", $"/api/v1/referrals/{id}/accept", new JsonObject { ["version"] = 1 }))
        {
        }

        using var stale = await PostAsync("education", $"/api/v1/referrals/{id}/withdraw", new JsonObject { ["version"] = 1, ["reason"] = "家长已自行就医" });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await ProblemAsync(stale);
        Assert.Contains("已被 妇联 接收", (string)problem["title"]!, StringComparison.Ordinal);
        Assert.Equal(("Error.Referral.Conflict", "accepted", 2, "accepted", "womens-federation"),
            ((string)problem["code"]!, (string)problem["state"]!, (int)problem["version"]!, (string)problem["lastAction"]!, (string)problem["by"]!));
        Assert.Equal("accepted", (string)(await GetAsync(id))["status"]!);
    }

    [Fact]
    public async Task A_move_the_state_does_not_allow_answers_409_with_its_code()
    {
        var id = ReferralBodies.Id(await ReferralBodies.SendAsync(_app));
        using (await PostAsync("womens-federation", $"/api/v1/referrals/{id}/decline", new JsonObject { ["version"] = 1, ["reason"] = "不对口" }))
        {
        }

        using var response = await PostAsync("womens-federation", $"/api/v1/referrals/{id}/accept", new JsonObject { ["version"] = 2 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Error.Referral.NotPendingAccept", (string)(await ProblemAsync(response))["code"]!);
    }

    [Fact]
    public async Task Two_clients_accepting_at_once_get_one_200_and_one_409_and_the_history_has_one_acceptance()
    {
        var id = ReferralBodies.Id(await ReferralBodies.SendAsync(_app));
        using var first = _app.Api("womens-federation");
        using var second = _app.Api("womens-federation");

        var responses = await Task.WhenAll(
            first.PostAsJsonAsync($"/api/v1/referrals/{id}/accept", new JsonObject { ["version"] = 1 }, Ct),
            second.PostAsJsonAsync($"/api/v1/referrals/{id}/accept", new JsonObject { ["version"] = 1 }, Ct));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var loser = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("已被 妇联 接收", (string)(await ProblemAsync(loser))["title"]!, StringComparison.Ordinal);
        var detail = await GetAsync(id);
        Assert.Single(detail["history"]!.AsArray(), s => (string)s!["action"]! == "accepted");
        Assert.Equal(2, ReferralBodies.Version(detail));
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }

    [Fact]
    public async Task Lists_filter_by_box_and_status_relative_to_the_caller()
    {
        var pending = ReferralBodies.Id(await ReferralBodies.SendAsync(_app));
        var accepted = ReferralBodies.Id(await ReferralBodies.SendAsync(_app));
        using (await PostAsync("womens-federation", $"/api/v1/referrals/{accepted}/accept", new JsonObject { ["version"] = 1 }))
        {
        }
        using var federation = _app.Api("womens-federation");
        using var health = _app.Api("health");

        var inbox = await federation.GetFromJsonAsync<JsonArray>("/api/v1/referrals?box=inbox", Ct);
        var waiting = await federation.GetFromJsonAsync<JsonArray>("/api/v1/referrals?box=inbox&status=pending", Ct);
        var outbox = await federation.GetFromJsonAsync<JsonArray>("/api/v1/referrals?box=outbox", Ct);
        var healthInbox = await health.GetFromJsonAsync<JsonArray>("/api/v1/referrals?box=inbox", Ct);
        var notOverdue = await health.GetFromJsonAsync<JsonArray>("/api/v1/referrals?overdue=false", Ct);
        using var badStatus = await federation.GetAsync("/api/v1/referrals?status=lost", Ct);

        var inboxIds = inbox!.Select(r => Guid.Parse((string)r!["id"]!)).ToList();
        Assert.Contains(pending, inboxIds);
        Assert.Contains(accepted, inboxIds);
        Assert.All(inbox!, r => Assert.Equal("womens-federation", (string)r!["to"]!));
        Assert.All(inbox!, r => Assert.False(r!.AsObject().ContainsKey("history")));
        Assert.Contains(pending, waiting!.Select(r => Guid.Parse((string)r!["id"]!)));
        Assert.DoesNotContain(accepted, waiting!.Select(r => Guid.Parse((string)r!["id"]!)));
        Assert.All(outbox!, r => Assert.Equal("womens-federation", (string)r!["from"]!));
        Assert.Empty(healthInbox!);
        Assert.Contains(pending, notOverdue!.Select(r => Guid.Parse((string)r!["id"]!)));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.True((await ProblemAsync(badStatus))["errors"]!.AsObject().ContainsKey("status"));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_referral_endpoints()
    {
        using var api = _app.Api("health");
        using var doc = JsonDocument.Parse(await api.GetStringAsync("/openapi/v1.json", Ct));
        var paths = doc.RootElement.GetProperty("paths");

        foreach (var path in new[] { "/api/v1/referrals", "/api/v1/referrals/{id}", "/api/v1/referrals/{id}/accept", "/api/v1/referrals/{id}/decline", "/api/v1/referrals/{id}/complete", "/api/v1/referrals/{id}/withdraw" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }
}
