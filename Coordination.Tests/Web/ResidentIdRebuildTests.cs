using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Coordination.Core.Access;
using Coordination.Core.Children;
using Coordination.Tests.Support;

namespace Coordination.Tests.Web;

/// <summary>
/// Hole 2 of issue 8: a role without the right to reveal resident IDs tries to rebuild a known child's ID from
/// everything it can read — the API's list and detail, the pages as the server renders them, the board, the
/// event log, referrals and the search — and fails: no answer carries any of the characters the mask hides,
/// and a search by the ID, or by its tail, answers the same whether the number is the child's or not.
/// </summary>
public sealed partial class ResidentIdRebuildTests : IAsyncLifetime
{
    private static readonly DateOnly Birth = new(2014, 7, 19);
    private BoardApp _app = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app = new BoardApp();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>Registers a child of the supervisor's township whose ID ends in X (easy to spot), and refers it.</summary>
    private async Task<(Guid Child, string ResidentId)> ChildAsync()
    {
        var residentId = TestResidentIds.EndingInX(Birth, Sex.M);
        var body = ScreeningBodies.NewChild(kind: "household", township: BoardApp.TestTownship);
        body["child"]!["name"] = "郑子航";
        body["child"]!["sex"] = "M";
        body["child"]!["birthDate"] = "2014-07-19";
        body["child"]!["residentId"] = residentId;
        using var civil = _app.Api("civil-affairs");
        using var created = await civil.PostAsJsonAsync("/api/v1/screenings", body, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var child = Guid.Parse((string)(await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["childId"]!);
        using var referred = await civil.PostAsJsonAsync("/api/v1/referrals", new { childId = child, to = "health", need = "medical", urgency = "high", note = "体检" }, Ct);
        Assert.Equal(HttpStatusCode.Created, referred.StatusCode);
        return (child, residentId);
    }

    private async Task<HttpBrowser> SignedInAsync(Role role)
    {
        var browser = new HttpBrowser(_app.Address);
        var answer = await browser.SignInAsync(BoardApp.EmailOf("civil-affairs", role), BoardApp.Password);
        Assert.True(answer.SignedIn, $"{role} signs in");
        return browser;
    }

    /// <summary>Another number that fits what is shown (region, birth date, sex) and belongs to no child.</summary>
    private static string Decoy(string residentId) =>
        Enumerable.Range(0, 500).Select(serial => TestResidentIds.For(Birth, Sex.M, serial)).First(id => id != residentId && id[17] != 'X');

    private static string[] Searches(string id, string decoy) =>
        [id, id[^4..], id[^6..], id[^8..], decoy, decoy[^4..], decoy[^6..], decoy[^8..]];

    public static TheoryData<Role> RolesWithoutTheReveal => new() { Role.Viewer, Role.Township, Role.Display, Role.Admin };

    [Theory]
    [MemberData(nameof(RolesWithoutTheReveal))]
    public async Task A_role_without_the_reveal_right_cannot_rebuild_a_childs_resident_id_from_anything_it_reads(Role role)
    {
        var (child, residentId) = await ChildAsync();
        var decoy = Decoy(residentId);
        using var browser = await SignedInAsync(role);
        Assert.False(Rights.CanRevealResidentId(new Core.Actor("civil-affairs", "x", role, BoardApp.TestTownship)));

        var paths = new List<string>
        {
            "/api/v1/children?pageSize=200", "/api/v1/children?status=all&pageSize=200", $"/api/v1/children/{child}",
            "/api/v1/referrals", $"/api/v1/referrals?childId={child}", "/api/v1/board/events?after=0", "/api/v1/programmes",
            "/", "/children", $"/children/{child}", "/referrals", "/programmes",
        };
        paths.AddRange(Searches(residentId, decoy).Select(q => $"/api/v1/children?q={q}"));
        paths.AddRange(Searches(residentId, decoy).Select(q => $"/children?q={q}"));

        var answers = new Dictionary<string, string>();
        foreach (var path in paths)
        {
            using var response = await browser.Http.GetAsync(path, Ct);
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            answers[path] = await response.Content.ReadAsStringAsync(Ct);
        }

        foreach (var (path, answer) in answers)
        {
            // A search page shows back what was typed into it: that is the caller's own text, not the register's.
            var typed = path.Contains("q=", StringComparison.Ordinal) ? path[(path.IndexOf("q=", StringComparison.Ordinal) + 2)..] : null;
            var text = typed is null ? answer : answer.Replace(typed, "", StringComparison.Ordinal);
            Assert.DoesNotContain(residentId, text, StringComparison.Ordinal);
            Assert.DoesNotContain(residentId[6..], text, StringComparison.Ordinal);
            // The sequence and check character: ends in X, so it cannot turn up by chance in ids or markup.
            Assert.False(text.Contains(residentId[^4..], StringComparison.Ordinal), $"{path} shows the ID's last four characters");
            foreach (Match shown in IdLike().Matches(text))
            {
                Assert.True(shown.Value[6..].All(c => c == '*'), $"{path} shows {shown.Value}: more than the region");
            }
        }
        // The search is no oracle: the child's number and a decoy that fits as well answer alike.
        var byId = Searches(residentId, decoy);
        for (var i = 0; i < 4; i++)
        {
            foreach (var prefix in new[] { "/api/v1/children?q=", "/children?q=" })
            {
                var real = answers[prefix + byId[i]];
                var fake = answers[prefix + byId[i + 4]];
                Assert.DoesNotContain(child.ToString(), real, StringComparison.Ordinal);
                if (prefix.StartsWith("/api", StringComparison.Ordinal))
                {
                    Assert.Equal(TraceIds().Replace(fake, ""), TraceIds().Replace(real, ""));
                }
            }
        }
    }

    [Fact]
    public async Task A_liaison_finds_the_child_by_its_whole_resident_id_but_not_by_its_tail_and_reveals_it_only_audited()
    {
        var (child, residentId) = await ChildAsync();
        using var browser = await SignedInAsync(Role.Liaison);

        var whole = (await browser.Http.GetFromJsonAsync<JsonObject>($"/api/v1/children?q={residentId}", Ct))!;
        var tail = (await browser.Http.GetFromJsonAsync<JsonObject>($"/api/v1/children?q={residentId[^4..]}", Ct))!;

        Assert.Equal(child.ToString(), (string)Assert.Single(whole["items"]!.AsArray())!["id"]!);
        Assert.Equal(ResidentId.Mask(residentId), (string)whole["items"]![0]!["residentId"]!);
        Assert.Equal(residentId[..6] + "************", ResidentId.Mask(residentId));
        Assert.Empty(tail["items"]!.AsArray());
        using var revealed = await browser.Http.PostAsync($"/api/v1/children/{child}/resident-id", null, Ct);
        Assert.Equal(residentId, (string)(await revealed.Content.ReadFromJsonAsync<JsonObject>(Ct))!["residentId"]!);
    }

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceIds();

    // An ID-shaped token on its own: not digits inside a decimal fraction (a bar's width of 5.8823529411764705%) or a
    // hexadecimal trace id, which are no IDs.
    [GeneratedRegex("(?<![0-9A-Za-z.])[0-9]{6}[0-9*]{11}[0-9X*](?![0-9A-Za-z])")]
    private static partial Regex IdLike();
}
