using Coordination.Core.Access;
using Microsoft.Playwright;

namespace Coordination.Tests.Support;

/// <summary>What a liaison does in the browser, written once for every browser test.</summary>
public sealed class BoardPageObject(IPage page)
{
    public IPage Page => page;

    public static readonly PageWaitForSelectorOptions Visible = new() { Timeout = 15_000 };

    /// <summary>
    /// Opens a page and waits until its circuit is interactive (a click before that is lost) — or, when nobody is
    /// signed in yet, until the sign-in page it was sent to is there.
    /// </summary>
    public async Task OpenAsync(string path)
    {
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync("[data-testid=circuit-ready], [data-testid=login-submit]", new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });
    }

    /// <summary>
    /// Signs in as <paramref name="agency"/>'s account of <paramref name="role"/> (made by <see cref="BoardApp"/>)
    /// and comes back to the page that was open, interactive.
    /// </summary>
    public async Task WorkAsAsync(string agency, Role role = Role.Liaison)
    {
        var current = new Uri(page.Url);
        var back = current.AbsolutePath.StartsWith("/account", StringComparison.Ordinal)
            ? System.Web.HttpUtility.ParseQueryString(current.Query)["returnUrl"] ?? "/"
            : current.PathAndQuery;
        await page.GotoAsync("/account/login?returnUrl=" + Uri.EscapeDataString(back));
        await page.FillAsync("[data-testid=login-email]", BoardApp.EmailOf(agency, role));
        await page.FillAsync("[data-testid=login-password]", BoardApp.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForSelectorAsync("[data-testid=circuit-ready]", new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });
    }

    public async Task ChooseAsync(string selectTestId, string optionText)
    {
        await OpenSelectAsync(selectTestId);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = optionText }).First.ClickAsync();
        await page.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached, Timeout = 5_000 });
    }

    /// <summary>Opens a MudSelect: its input may be hidden behind the shown value, so click the control.</summary>
    public async Task OpenSelectAsync(string selectTestId)
    {
        await ClosePopoversAsync();
        await page.Locator(".mud-select").Filter(new() { Has = page.Locator($"[data-testid={selectTestId}]") }).First.ClickAsync();
    }

    /// <summary>
    /// Closes a select's list that is still open (a multi-select stays open after a choice), as a person clicks
    /// beside it, and waits until none is open: an open list's overlay covers the rest of the form.
    /// </summary>
    public async Task ClosePopoversAsync()
    {
        var open = page.Locator(".mud-popover-open");
        if (await open.CountAsync() == 0)
        {
            return;
        }
        await page.Keyboard.PressAsync("Escape");
        if (await open.CountAsync() > 0)
        {
            await page.Locator("h1").First.ClickAsync(new() { Force = true });
        }
        await Assertions.Expect(open).ToHaveCountAsync(0);
    }

    public async Task<int> KpiAsync(string testId) =>
        int.Parse(await page.Locator($"[data-testid={testId}] [data-testid=kpi-value]").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

    public Task WaitForKpiAsync(string testId, int value) =>
        page.WaitForFunctionAsync(
            "([id, v]) => document.querySelector(`[data-testid=${id}] [data-testid=kpi-value]`)?.textContent.trim() === String(v)",
            new object[] { testId, value },
            new() { Timeout = 15_000 });

    /// <summary>
    /// Types into a text field and leaves it, as a person does: MudBlazor commits a field's text when it loses
    /// focus, so the next click must not race that change.
    /// </summary>
    public async Task TypeAsync(string testId, string text)
    {
        var field = page.Locator($"[data-testid={testId}]");
        await field.FillAsync(text);
        await field.PressAsync("Tab");
    }

    /// <summary>Waits for the form's saved notice; when it does not come, the failure says what the form shows instead.</summary>
    public async Task<IElementHandle> WaitForSavedAsync()
    {
        try
        {
            return (await page.WaitForSelectorAsync("[data-testid=record-saved]", Visible))!;
        }
        catch (TimeoutException)
        {
            var errors = await page.Locator(".mud-input-helper-text.mud-input-error, [data-testid=record-invalid], .mud-alert").AllInnerTextsAsync();
            var path = Path.Combine(Path.GetTempPath(), $"record-not-saved-{Guid.NewGuid():N}.png");
            await page.ScreenshotAsync(new() { Path = path, FullPage = true });
            throw new TimeoutException($"The screening was not saved. The form shows: {string.Join(" | ", errors)} (screenshot {path})");
        }
    }

    public Task<IElementHandle?> WaitForFeedItemAsync(long sequence) =>
        page.WaitForSelectorAsync($"[data-testid=feed-item][data-sequence=\"{sequence}\"]", Visible);

    /// <summary>
    /// Types <paramref name="text"/> into a child search (a MudAutocomplete), waits for the match of
    /// <paramref name="childId"/> to be offered and clicks it; returns the text the match showed.
    /// </summary>
    public async Task<string> SearchChildAsync(string text, Guid childId, string testId = "child-search", string itemTestId = "child-result")
    {
        await page.FillAsync($"input[data-testid={testId}]", text);
        var match = page.Locator($".mud-popover-open [data-testid={itemTestId}][data-child-id=\"{childId}\"]");
        await match.WaitForAsync(new() { Timeout = 15_000 });
        var shown = await match.InnerTextAsync();
        await match.ClickAsync();
        await page.WaitForSelectorAsync($".mud-popover-open [data-testid={itemTestId}]", new() { State = WaitForSelectorState.Detached, Timeout = 5_000 });
        return shown;
    }

    /// <summary>Fills the "register a new child" half of the screening form.</summary>
    public async Task FillNewChildAsync(string name, string residentId, string sex, string birthDate, string township, string category)
    {
        await page.ClickAsync("[data-testid=mode-new]");
        await page.FillAsync("[data-testid=child-resident-id]", residentId);
        await page.FillAsync("[data-testid=child-name]", name);
        await ChooseAsync("child-sex", sex);
        await page.FillAsync("[data-testid=child-birth-date]", birthDate);
        await page.Keyboard.PressAsync("Tab");
        await ChooseAsync("child-township", township);
        await OpenSelectAsync("child-categories");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = category }).First.ClickAsync();
        await ClosePopoversAsync();
    }
}
