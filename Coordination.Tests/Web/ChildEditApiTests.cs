using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Tests.Support;

namespace Coordination.Tests.Web;

/// <summary><c>PUT /api/v1/children/{id}</c> takes the version it read: a stale one is a 409 saying who changed the record, never a lost update.</summary>
public sealed class ChildEditApiTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    private readonly BoardApp _app = fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonObject Edit(JsonObject registered, string guardian, int? version)
    {
        var child = registered["child"]!;
        var body = new JsonObject
        {
            ["name"] = (string)child["name"]!,
            ["sex"] = (string)child["sex"]!,
            ["birthDate"] = (string)child["birthDate"]!,
            ["residentId"] = (string)child["residentId"]!,
            ["township"] = (string)child["township"]!,
            ["categories"] = new JsonArray("left-behind"),
            ["guardianName"] = guardian,
        };
        if (version is { } v)
        {
            body["version"] = v;
        }
        return body;
    }

    [Fact]
    public async Task A_stale_edit_answers_409_naming_who_changed_the_record_and_the_first_edit_stands()
    {
        var registered = ScreeningBodies.NewChild();
        using var health = _app.Api("health");
        using var made = await health.PostAsJsonAsync("/api/v1/screenings", registered, Ct);
        var id = (string)(await made.Content.ReadFromJsonAsync<JsonObject>(Ct))!["childId"]!;
        var version = (int)(await health.GetFromJsonAsync<JsonObject>($"/api/v1/children/{id}", Ct))!["version"]!;
        using var education = _app.Api("education");

        using var first = await health.PutAsJsonAsync($"/api/v1/children/{id}", Edit(registered, "陈大山", version), Ct);
        using var second = await education.PutAsJsonAsync($"/api/v1/children/{id}", Edit(registered, "陈二山", version), Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        var problem = await second.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal("Error.Child.Conflict", (string)problem!["code"]!);
        Assert.Equal("health", (string)problem["changedByAgency"]!);
        Assert.Equal(version + 1, (int)problem["version"]!);
        var now = await health.GetFromJsonAsync<JsonObject>($"/api/v1/children/{id}", Ct);
        Assert.Equal("陈大山", (string)now!["guardianName"]!);
        Assert.Equal(version + 1, (int)now["version"]!);
    }

    [Fact]
    public async Task An_edit_without_the_version_is_refused_at_the_version()
    {
        var registered = ScreeningBodies.NewChild();
        using var health = _app.Api("health");
        using var made = await health.PostAsJsonAsync("/api/v1/screenings", registered, Ct);
        var id = (string)(await made.Content.ReadFromJsonAsync<JsonObject>(Ct))!["childId"]!;

        using var response = await health.PutAsJsonAsync($"/api/v1/children/{id}", Edit(registered, "陈大山", version: null), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal("Error.Child.VersionRequired", (string)problem!["codes"]!["version"]![0]!);
        Assert.Null((string?)(await health.GetFromJsonAsync<JsonObject>($"/api/v1/children/{id}", Ct))!["guardianName"]);
    }
}
