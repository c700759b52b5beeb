using System.Globalization;
using Microsoft.Playwright;

namespace Coordination.Benchmarks;

/// <summary>
/// Open boards in headless Chromium, each its own browser context (its own person, cookie jar and circuit).
/// Each page notes, with a MutationObserver, the moment a feed item with a new sequence enters its DOM.
/// </summary>
internal sealed class BrowserBoards : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    // Blazor patches existing elements in place (the feed has no @key), so a new first item usually shows up
    // as a changed data-sequence attribute, not as an added node: watch both.
    private const string InstallObserver = """
        () => {
            const seen = window.__benchSeen = Object.create(null);
            const at = () => performance.timeOrigin + performance.now();
            const note = el => {
                if (el.nodeType !== 1) return;
                const items = el.matches('[data-testid=feed-item]') ? [el] : el.querySelectorAll('[data-testid=feed-item]');
                for (const item of items) {
                    const s = item.getAttribute('data-sequence');
                    if (s !== null && !(s in seen)) seen[s] = at();
                }
            };
            document.querySelectorAll('[data-testid=feed-item]').forEach(note);
            new MutationObserver(records => {
                for (const r of records) {
                    if (r.type === 'attributes') note(r.target);
                    else r.addedNodes.forEach(note);
                }
            }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-sequence'] });
        }
        """;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<IBrowserContext> _contexts;
    private readonly List<IPage> _pages;

    private BrowserBoards(IPlaywright playwright, IBrowser browser, List<IBrowserContext> contexts, List<IPage> pages)
    {
        _playwright = playwright;
        _browser = browser;
        _contexts = contexts;
        _pages = pages;
    }

    public int Count => _pages.Count;

    public static async Task<BrowserBoards> OpenAsync(Uri baseAddress, int boards, CancellationToken ct)
    {
        var playwright = await Playwright.CreateAsync();
        IBrowser? browser = null;
        var contexts = new List<IBrowserContext>();
        var pages = new List<IPage>();
        try
        {
            browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ChromiumArgs,
            });
            for (var i = 0; i < boards; i++)
            {
                ct.ThrowIfCancellationRequested();
                var context = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 1600, Height = 1000 } });
                contexts.Add(context);
                var page = await context.NewPageAsync();
                pages.Add(page);
                // Each board is a liaison's signed-in browser (the demo accounts exist in the Development app).
                await page.GotoAsync("/account/login?returnUrl=%2F", new() { Timeout = 60_000 });
                await page.FillAsync("[data-testid=login-email]", "liaison@civil-affairs.demo");
                await page.FillAsync("[data-testid=login-password]", Coordination.Web.Accounts.DemoAccounts.Password);
                await page.ClickAsync("[data-testid=login-submit]");
                // The marker renders only once the circuit is interactive; it is hidden, so wait for it in the DOM.
                await page.WaitForSelectorAsync("[data-testid=circuit-ready]", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
                await page.WaitForSelectorAsync("[data-testid=feed-item]", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
                await page.EvaluateAsync(InstallObserver);
            }
            return new BrowserBoards(playwright, browser, contexts, pages);
        }
        catch
        {
            await new BrowserBoards(playwright, browser!, contexts, pages).DisposeAsync();
            throw;
        }
    }

    /// <summary>Epoch milliseconds at which each page's DOM first held the feed item; null for a page that never showed it in time.</summary>
    public Task<double?[]> ArrivalsAsync(long sequence, TimeSpan timeout) =>
        Task.WhenAll(_pages.Select(async page =>
        {
            var key = sequence.ToString(CultureInfo.InvariantCulture);
            try
            {
                await page.WaitForFunctionAsync("s => window.__benchSeen[s] !== undefined", key, new() { Timeout = (float)timeout.TotalMilliseconds });
            }
            catch (TimeoutException)
            {
                return (double?)null;
            }
            return await page.EvaluateAsync<double>("s => window.__benchSeen[s]", key);
        }));

    /// <summary>Page clock minus this process's wall clock, per page, with half the measuring round trip as its uncertainty.</summary>
    public async Task<(double Offset, double Uncertainty)[]> ClockOffsetsAsync()
    {
        var result = new (double, double)[_pages.Count];
        for (var i = 0; i < _pages.Count; i++)
        {
            var before = WallClock.EpochMs();
            var pageMs = await _pages[i].EvaluateAsync<double>("() => performance.timeOrigin + performance.now()");
            var after = WallClock.EpochMs();
            result[i] = (pageMs - (before + after) / 2, (after - before) / 2);
        }
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright.Dispose();
    }
}
