using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Core.Access;
using Coordination.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Coordination.Tests.Browser;

/// <summary>
/// Issue 9, acceptance 6: axe-core, run in the real page in headless Chromium, finds no critical and no serious
/// violation on the board, the register, a profile, each agency's screening form, the assistance and referral forms,
/// the edit form, the referrals page and the import page, in Chinese and in English.
/// </summary>
public sealed class AccessibilityTests(Chromium chromium, BoardAppFixture fixture) : IClassFixture<Chromium>, IClassFixture<BoardAppFixture>
{
    private readonly BoardApp _app = fixture.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A child with a screening, a referral and assistance, so that lists and the profile have lines.</summary>
    private async Task<Guid> ChildAsync()
    {
        using var civil = _app.Api("civil-affairs");
        using var created = await civil.PostAsJsonAsync("/api/v1/screenings", ScreeningBodies.NewChild(kind: "household", risk: "high"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var child = Guid.Parse((string)(await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!["childId"]!);
        using var referred = await civil.PostAsJsonAsync("/api/v1/referrals", new { childId = child, to = "health", need = "medical", urgency = "high", note = "体检" }, Ct);
        Assert.Equal(HttpStatusCode.Created, referred.StatusCode);
        return child;
    }

    /// <summary>The serious and critical violations on the open page, one line each with where they are.</summary>
    private static async Task<List<string>> SeriousViolationsAsync(IPage page, string label)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{label}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task No_page_a_liaison_uses_has_a_serious_or_critical_accessibility_violation(string culture)
    {
        var child = await ChildAsync();
        await using var context = await chromium.NewContextAsync(_app.Address, 1366, 768);
        var page = await context.NewPageAsync();
        var board = new BoardPageObject(page);
        await page.GotoAsync($"/preferences/culture?culture={culture}&returnUrl=%2F");
        await board.OpenAsync("/");
        var found = new List<string>();
        var checkedPages = 0;

        await board.WorkAsAsync("civil-affairs", Role.Lead);
        foreach (var path in new[]
                 {
                     "/", "/children", $"/children/{child}", $"/children/{child}/edit", "/referrals", $"/referrals/new?child={child}",
                     $"/assistance/new?child={child}", "/programmes", "/figures", "/import",
                 })
        {
            await board.OpenAsync(path);
            found.AddRange(await SeriousViolationsAsync(page, path));
            checkedPages++;
        }
        // Each agency's own screening form.
        foreach (var agency in new[] { "civil-affairs", "womens-federation", "health", "education" })
        {
            await board.WorkAsAsync(agency);
            await board.OpenAsync($"/screenings/new?child={child}");
            await page.WaitForSelectorAsync("[data-testid=kind-section]", BoardPageObject.Visible);
            found.AddRange(await SeriousViolationsAsync(page, $"/screenings/new ({agency})"));
            checkedPages++;
        }

        Assert.Equal(14, checkedPages);
        Assert.True(found.Count == 0, string.Join("\n", found));
    }
}
