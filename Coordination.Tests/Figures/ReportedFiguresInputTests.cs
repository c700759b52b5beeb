using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Core;
using Coordination.Core.Access;
using Coordination.Core.Data;
using Coordination.Core.Figures;
using Coordination.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Coordination.Core.Figures.IndicatorCatalogue;

namespace Coordination.Tests.Figures;

/// <summary>
/// Issue 10, bad input of reported figures at the service and at the API: negative, not a number, over the sane
/// limit, a fraction of a count, a third decimal of yuan, another agency's indicator — each refused at its field
/// with the Chinese message, and nothing written.
/// </summary>
public sealed class ReportedFiguresInputTests : IAsyncLifetime
{
    // The quarter in progress: the register is empty, and a quarter before it would be refused at the API.
    private static readonly Quarter Q = new(2026, 4);
    private BoardApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Actor Lead(string agency) => new(agency, agency + " 负责人", Role.Lead, From: "tests") { Account = BoardApp.EmailOf(agency, Role.Lead) };

    public ValueTask InitializeAsync()
    {
        _app = new BoardApp(new FakeTimeProvider(TestClock.Start));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<int> RowsAsync()
    {
        var factory = _app.Services.GetRequiredService<IDbContextFactory<CoordinationDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.ReportedFigures.CountAsync(Ct) * 1000 + await db.BoardEvents.CountAsync(Ct);
    }

    [Theory]
    [InlineData("womens-federation", Volunteers, "-1", "Error.Reported.Negative")]
    [InlineData("womens-federation", Volunteers, "十二", "Error.Reported.NotANumber")]
    [InlineData("womens-federation", Volunteers, "1e3", "Error.Reported.NotANumber")]
    [InlineData("womens-federation", Volunteers, "100001", "Error.Reported.TooLarge.Count")]
    [InlineData("womens-federation", ParentSchools, "42.5", "Error.Reported.Whole")]
    [InlineData("civil-affairs", Donations, "1000000000.01", "Error.Reported.TooLarge.Yuan")]
    [InlineData("civil-affairs", Donations, "19200000.001", "Error.Reported.Cents")]
    [InlineData("education", Donations, "100", "Error.Reported.NotYours")]
    public async Task A_bad_reported_figure_is_refused_at_its_field_by_the_service(string agency, string key, string typed, string code)
    {
        var service = _app.Services.GetRequiredService<FiguresSignOffService>();
        var before = await RowsAsync();

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() =>
            service.EnterReportedAsync(Lead(agency), Q, agency, new Dictionary<string, string?> { [key] = typed }, null, Ct));

        Assert.Equal(code, refused.Errors.First(key));
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task A_good_entry_is_kept_with_who_entered_it_and_an_empty_field_clears_it()
    {
        var service = _app.Services.GetRequiredService<FiguresSignOffService>();
        await service.EnterReportedAsync(Lead("civil-affairs"), Q, "civil-affairs",
            new Dictionary<string, string?> { [Donations] = "19,200,000.00", [Workstations] = "27" }, "捐赠含企业定向捐助。", Ct);
        var state = await service.StateAsync(Lead("health"), Q, Ct);
        Assert.Equal(19_200_000m, state.ReportedOf("civil-affairs", Donations)!.Value);
        Assert.Equal(BoardApp.EmailOf("civil-affairs", Role.Lead), state.ReportedOf("civil-affairs", Donations)!.EnteredBy);
        Assert.Equal("捐赠含企业定向捐助。", state.ReportedOf("civil-affairs", ReportedFigure.RemarkKey)!.Text);

        await service.EnterReportedAsync(Lead("civil-affairs"), Q, "civil-affairs", new Dictionary<string, string?> { [Workstations] = "" }, null, Ct);
        var report = await _app.Services.GetRequiredService<FiguresService>().ReportAsync(Lead("civil-affairs"), Q, Ct);
        Assert.Equal(0m, report.Current.Total(Workstations));
        Assert.Null(report.SignOff.ReportedOf("civil-affairs", Workstations)!.Value);
        Assert.Equal(19_200_000m, report.Current.Total(Donations));
    }

    [Theory]
    [InlineData("{\"values\":{\"reported.volunteers\":-5}}", "reported.volunteers", "Error.Reported.Negative")]
    [InlineData("{\"values\":{\"reported.volunteers\":\"abc\"}}", "reported.volunteers", "Error.Reported.NotANumber")]
    [InlineData("{\"values\":{\"reported.volunteers\":true}}", "reported.volunteers", "Error.Reported.NotANumber")]
    [InlineData("{\"values\":{\"reported.volunteers\":1e12}}", "reported.volunteers", "Error.Reported.NotANumber")]
    [InlineData("{\"values\":{\"reported.parent-schools\":200000}}", "reported.parent-schools", "Error.Reported.TooLarge.Count")]
    [InlineData("{\"values\":{\"reported.donations-yuan\":1}}", "reported.donations-yuan", "Error.Reported.NotYours")]
    [InlineData("{\"values\":{},\"colour\":1}", "colour", "Error.Json.UnknownKey")]
    public async Task A_bad_reported_figure_is_refused_at_the_api_naming_the_field_and_nothing_is_written(string body, string field, string code)
    {
        using var browser = new HttpBrowser(_app.Address);
        await browser.SignInAsync(BoardApp.EmailOf("womens-federation", Role.Lead), BoardApp.Password);
        var before = await RowsAsync();

        using var response = await browser.Http.PutAsync($"/api/v1/figures/{Q}/reported",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal(code, (string)problem["codes"]![field]![0]!);
        Assert.Equal(_app.Chinese(code), (string)problem["errors"]![field]![0]!);
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task A_good_entry_at_the_api_appears_in_the_json_with_who_entered_it()
    {
        using var browser = new HttpBrowser(_app.Address);
        await browser.SignInAsync(BoardApp.EmailOf("womens-federation", Role.Lead), BoardApp.Password);

        using var response = await browser.Http.PutAsJsonAsync($"/api/v1/figures/{Q}/reported",
            new { values = new Dictionary<string, object?> { [Volunteers] = 1200, [ParentSchools] = 429 }, remark = "含新建儿童之家 3 个。" }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var json = (await browser.Http.GetFromJsonAsync<JsonObject>($"/api/v1/figures?quarter={Q}", Ct))!;
        var parentSchools = json["indicators"]!.AsArray().Single(i => (string)i!["key"]! == ParentSchools)!;
        Assert.Equal(429m, (decimal)parentSchools["value"]!);
        Assert.Equal(BoardApp.EmailOf("womens-federation", Role.Lead), (string)parentSchools["enteredBy"]!);
        Assert.Equal("含新建儿童之家 3 个。", (string)json["remarks"]!.AsArray().Single()!["text"]!);
    }
}
