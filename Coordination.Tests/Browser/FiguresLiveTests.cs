using System.Globalization;
using System.Net.Http.Json;
using Coordination.Core;
using Coordination.Core.Access;
using Coordination.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Browser;

/// <summary>
/// Issue 10, acceptance 5 (part): /figures open in one browser follows another agency's submission made in a
/// second browser, without a reload; the lock then made by civil affairs' lead shows in both.
/// </summary>
public sealed class FiguresLiveTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private BoardApp _app = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app = new BoardApp();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Another_agencys_submission_in_a_second_browser_changes_the_open_figures_page_live()
    {
        chromium.RequireBrowser();
        var quarter = Quarter.Of(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8))).Previous;
        var body = ScreeningBodies.NewChild(kind: "household");
        body["date"] = quarter.FirstDay.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using (var civil = _app.Api("civil-affairs"))
        {
            using var created = await civil.PostAsJsonAsync("/api/v1/screenings", body, Ct);
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
        }

        await using var civilContext = await chromium.NewContextAsync(_app.Address);
        var civilLead = new BoardPageObject(await civilContext.NewPageAsync());
        await civilLead.OpenAsync("/figures?quarter=" + quarter);
        await civilLead.WorkAsAsync("civil-affairs", Role.Lead);
        await Expect(civilLead.Page.GetByTestId("signoff")).ToHaveAttributeAsync("data-state", "open");
        var healthChip = civilLead.Page.Locator("[data-testid=signoff-agency][data-agency=health]");
        await Expect(healthChip).ToHaveAttributeAsync("data-state", "not-submitted");

        await using var healthContext = await chromium.NewContextAsync(_app.Address);
        var healthLead = new BoardPageObject(await healthContext.NewPageAsync());
        await healthLead.OpenAsync("/figures?quarter=" + quarter);
        await healthLead.WorkAsAsync("health", Role.Lead);
        await healthLead.Page.GetByTestId("figures-submit").ClickAsync();

        // The civil affairs page was not touched: the health bureau's submission arrives over its circuit.
        await Expect(healthChip).ToHaveAttributeAsync("data-state", "submitted", new() { Timeout = 15_000 });
        foreach (var agency in new[] { "civil-affairs", "womens-federation", "education" })
        {
            using var browser = new HttpBrowser(_app.Address);
            await browser.SignInAsync(BoardApp.EmailOf(agency, Role.Lead), BoardApp.Password);
            using var submitted = await browser.Http.PostAsJsonAsync($"/api/v1/figures/{quarter}/submit", new { }, Ct);
            Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync(Ct));
        }
        await Expect(civilLead.Page.GetByTestId("signoff")).ToHaveAttributeAsync("data-state", "submitted", new() { Timeout = 15_000 });
        await civilLead.Page.GetByTestId("figures-lock").ClickAsync();
        await Expect(healthLead.Page.GetByTestId("signoff")).ToHaveAttributeAsync("data-state", "locked", new() { Timeout = 15_000 });
        await civilLead.Page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("figures-locked.png"), FullPage = true });
    }
}
