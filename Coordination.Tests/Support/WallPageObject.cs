using System.Text.Json;
using Coordination.Core.Access;
using Microsoft.Playwright;

namespace Coordination.Tests.Support;

/// <summary>The meeting-room wall in a browser: signed in as a display device, and what it shows.</summary>
public sealed class WallPageObject(IPage page)
{
    public IPage Page => page;

    /// <summary>Signs the browser in as <paramref name="agency"/>'s display account and opens the wall, interactive.</summary>
    public async Task EnrolAndOpenAsync(string path = "/wall", string agency = "civil-affairs")
    {
        await page.GotoAsync("/account/login?returnUrl=" + Uri.EscapeDataString(path));
        await page.FillAsync("[data-testid=login-email]", BoardApp.EmailOf(agency, Role.Display));
        await page.FillAsync("[data-testid=login-password]", BoardApp.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await WaitLiveAsync();
    }

    public async Task OpenAsync(string path)
    {
        await page.GotoAsync(path);
        await WaitLiveAsync();
    }

    /// <summary>Waits until the circuit is interactive and the connection indicator says live.</summary>
    public async Task WaitLiveAsync(float timeout = 15_000)
    {
        await page.WaitForSelectorAsync("[data-testid=circuit-ready]", new() { State = WaitForSelectorState.Attached, Timeout = timeout });
        await page.WaitForSelectorAsync("[data-testid=wall-connection][data-state=live]", new() { State = WaitForSelectorState.Attached, Timeout = timeout });
    }

    public async Task<long> SequenceAsync() =>
        long.Parse(await page.GetAttributeAsync("[data-testid=wall]", "data-sequence") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// What does not fit, measured from the element boxes: the page's own scrollbars, any element of the wall
    /// outside the viewport, and any box whose content is wider or taller than the box.
    /// </summary>
    public async Task<IReadOnlyList<string>> LayoutProblemsAsync()
    {
        var json = await page.EvaluateAsync<JsonElement>("""
            () => {
                const problems = [];
                const d = document.documentElement;
                if (d.scrollWidth > d.clientWidth || d.scrollHeight > d.clientHeight) problems.push(`page scrolls: ${d.scrollWidth}x${d.scrollHeight} in ${d.clientWidth}x${d.clientHeight}`);
                const vw = window.innerWidth, vh = window.innerHeight;
                const name = e => (e.dataset.testid ? `[${e.dataset.testid}]` : '') + e.tagName.toLowerCase() + '.' + [...e.classList].join('.');
                const hiddenByDesign = e => getComputedStyle(e).display === 'none' || e.closest('[hidden]');
                for (const e of document.querySelectorAll('.wall *, .wall-connection, .wall-connection *')) {
                    if (hiddenByDesign(e)) continue;
                    const r = e.getBoundingClientRect();
                    if (r.width === 0 && r.height === 0) continue;
                    if (r.left < -0.5 || r.top < -0.5 || r.right > vw + 0.5 || r.bottom > vh + 0.5) problems.push(`outside the screen: ${name(e)} ${Math.round(r.left)},${Math.round(r.top)},${Math.round(r.right)},${Math.round(r.bottom)}`);
                    const style = getComputedStyle(e);
                    if (style.display === 'inline') continue;
                    if (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1) problems.push(`content overflows: ${name(e)} ${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight} "${(e.textContent || '').trim().slice(0, 40)}"`);
                }
                return problems;
            }
            """);
        return json.EnumerateArray().Select(p => p.GetString()!).ToList();
    }
}
