using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Core.Access;
using Coordination.Tests.Support;

namespace Coordination.Tests.Web;

/// <summary>
/// The same rights at the API: every account's session (signed in through the real page) and every agency's key
/// gets 403 for what its role or agency may not do, and nothing changes.
/// </summary>
public sealed class RightsApiTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    private readonly BoardApp _app = fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpBrowser> SignedInAsync(string agency, Role role)
    {
        var browser = new HttpBrowser(_app.Address);
        var answer = await browser.SignInAsync(BoardApp.EmailOf(agency, role), BoardApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        return browser;
    }

    private async Task<Guid> ChildAsync(string township = "shishan-zhen")
    {
        using var api = _app.Api("civil-affairs");
        using var response = await api.PostAsJsonAsync("/api/v1/screenings", ScreeningBodies.NewChild(kind: "household", township: township), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((string)(await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["childId"]!);
    }

    private async Task<(Guid Id, int Version)> ReferralToFederationAsync(Guid child)
    {
        using var api = _app.Api("education");
        using var response = await api.PostAsJsonAsync("/api/v1/referrals", new { childId = child, to = "womens-federation", need = "psychological", urgency = "normal", note = "rights" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        return (Guid.Parse((string)body["id"]!), (int)body["version"]!);
    }

    public static TheoryData<Role, HttpStatusCode> RecordingScreenings => new()
    {
        { Role.Admin, HttpStatusCode.Forbidden }, { Role.Lead, HttpStatusCode.Created }, { Role.Liaison, HttpStatusCode.Created },
        { Role.Viewer, HttpStatusCode.Forbidden }, { Role.Display, HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(RecordingScreenings))]
    public async Task Recording_a_screening_of_ones_own_kind(Role role, HttpStatusCode expected)
    {
        using var browser = await SignedInAsync("health", role);
        var before = await _app.CountRowsAsync();

        using var response = await browser.Http.PostAsJsonAsync("/api/v1/screenings", ScreeningBodies.NewChild(kind: "health-check"), Ct);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            Assert.Equal(before, await _app.CountRowsAsync());
        }
    }

    public static TheoryData<Role, HttpStatusCode> ReadingFiles => new()
    {
        { Role.Admin, HttpStatusCode.Forbidden }, { Role.Lead, HttpStatusCode.OK }, { Role.Liaison, HttpStatusCode.OK },
        { Role.Viewer, HttpStatusCode.OK }, { Role.Township, HttpStatusCode.OK }, { Role.Display, HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(ReadingFiles))]
    public async Task Reading_a_childs_file_of_the_test_township_and_the_register(Role role, HttpStatusCode expected)
    {
        var child = await ChildAsync(BoardApp.TestTownship);
        using var browser = await SignedInAsync("civil-affairs", role);

        using var file = await browser.Http.GetAsync($"/api/v1/children/{child}", Ct);
        using var list = await browser.Http.GetAsync("/api/v1/children", Ct);
        using var referrals = await browser.Http.GetAsync("/api/v1/referrals", Ct);

        Assert.Equal(expected, file.StatusCode);
        Assert.Equal(expected, list.StatusCode);
        Assert.Equal(expected, referrals.StatusCode);
    }

    [Fact]
    public async Task A_township_account_reading_another_townships_child_gets_403_and_its_list_holds_only_its_own()
    {
        var elsewhere = await ChildAsync("meilin-jiedao");
        await ChildAsync(BoardApp.TestTownship);
        using var browser = await SignedInAsync("civil-affairs", Role.Township);

        using var file = await browser.Http.GetAsync($"/api/v1/children/{elsewhere}", Ct);
        var list = await browser.Http.GetFromJsonAsync<JsonObject>("/api/v1/children?pageSize=200", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, file.StatusCode);
        Assert.NotEmpty(list!["items"]!.AsArray());
        Assert.All(list["items"]!.AsArray(), row => Assert.Equal(BoardApp.TestTownship, (string)row!["township"]!));
    }

    [Theory]
    [InlineData("health")]
    [InlineData("civil-affairs")]
    [InlineData("education")]
    public async Task Accepting_or_declining_another_agencys_referral_by_its_id_is_403_and_changes_nothing(string intruder)
    {
        var (id, version) = await ReferralToFederationAsync(await ChildAsync());
        using var api = _app.Api(intruder);

        using var accept = await api.PostAsJsonAsync($"/api/v1/referrals/{id}/accept", new { version }, Ct);
        using var decline = await api.PostAsJsonAsync($"/api/v1/referrals/{id}/decline", new { version, reason = "不是我们的" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, accept.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, decline.StatusCode);
        var detail = await api.GetFromJsonAsync<JsonObject>($"/api/v1/referrals/{id}", Ct);
        Assert.Equal(("pending", version), ((string)detail!["status"]!, (int)detail["version"]!));
    }

    [Fact]
    public async Task Withdrawing_another_agencys_referral_is_403()
    {
        var (id, version) = await ReferralToFederationAsync(await ChildAsync());
        using var api = _app.Api("health");

        using var withdraw = await api.PostAsJsonAsync($"/api/v1/referrals/{id}/withdraw", new { version, reason = "x" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, withdraw.StatusCode);
    }

    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Township)]
    [InlineData(Role.Display)]
    [InlineData(Role.Admin)]
    public async Task Acting_on_a_referral_addressed_to_ones_agency_needs_a_working_role(Role role)
    {
        var (id, version) = await ReferralToFederationAsync(await ChildAsync());
        using var browser = await SignedInAsync("womens-federation", role);

        using var accept = await browser.Http.PostAsJsonAsync($"/api/v1/referrals/{id}/accept", new { version }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, accept.StatusCode);
    }

    [Theory]
    [InlineData("civil-affairs", Role.Lead, HttpStatusCode.OK)]
    [InlineData("civil-affairs", Role.Liaison, HttpStatusCode.Forbidden)]
    [InlineData("health", Role.Lead, HttpStatusCode.Forbidden)]
    [InlineData("civil-affairs", Role.Viewer, HttpStatusCode.Forbidden)]
    public async Task Merging_two_records(string agency, Role role, HttpStatusCode expected)
    {
        var kept = await ChildAsync();
        var duplicate = await ChildAsync();
        using var browser = await SignedInAsync(agency, role);

        using var merge = await browser.Http.PostAsJsonAsync($"/api/v1/children/{kept}/merge", new { duplicateId = duplicate }, Ct);

        Assert.Equal(expected, merge.StatusCode);
    }

    [Theory]
    [InlineData(Role.Lead, HttpStatusCode.OK)]
    [InlineData(Role.Liaison, HttpStatusCode.OK)]
    [InlineData(Role.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(Role.Township, HttpStatusCode.Forbidden)]
    [InlineData(Role.Display, HttpStatusCode.Forbidden)]
    [InlineData(Role.Admin, HttpStatusCode.Forbidden)]
    public async Task Revealing_a_resident_id(Role role, HttpStatusCode expected)
    {
        var child = await ChildAsync(BoardApp.TestTownship);
        using var browser = await SignedInAsync("civil-affairs", role);

        using var reveal = await browser.Http.PostAsync($"/api/v1/children/{child}/resident-id", null, Ct);

        Assert.Equal(expected, reveal.StatusCode);
    }

    [Theory]
    [InlineData(Role.Admin, HttpStatusCode.OK)]
    [InlineData(Role.Lead, HttpStatusCode.Redirect)]
    [InlineData(Role.Liaison, HttpStatusCode.Redirect)]
    [InlineData(Role.Viewer, HttpStatusCode.Redirect)]
    [InlineData(Role.Display, HttpStatusCode.Redirect)]
    public async Task The_administrators_pages(Role role, HttpStatusCode expected)
    {
        using var browser = await SignedInAsync("civil-affairs", role);

        var audit = await browser.GetAsync("/admin/audit");
        var villages = await browser.GetAsync("/admin/villages");

        Assert.Equal(expected, audit.Status);
        Assert.Equal(expected, villages.Status);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/account/denied", audit.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }
}
