using Microsoft.Playwright;

namespace Coordination.Tests.Support;

/// <summary>
/// Debian's headless Chromium driven by Playwright (Playwright cannot download its own browsers here).
/// Without Chromium a browser test is skipped on a developer's machine, and fails under CI=true:
/// CI must never pass by skipping the browser path.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            if (InCi)
            {
                throw new InvalidOperationException($"CI=true but {ExecutablePath} is missing: .ci/run must install chromium.");
            }
            return;
        }
        _playwright = await Playwright.CreateAsync();
        // Two cores shared by the app, the browsers and the test runner: an assertion's wait must allow for that.
        Assertions.SetDefaultExpectTimeout(15_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>Skips the calling test when no browser is available outside CI.</summary>
    public void RequireBrowser()
    {
        if (_playwright is null)
        {
            Assert.Skip($"{ExecutablePath} is not installed (apt-get install -y chromium fonts-noto-cjk).");
        }
    }

    /// <summary>A fresh browser profile (own cookies) of 1920×1080.</summary>
    public Task<IBrowserContext> NewContextAsync(Uri baseAddress) => NewContextAsync(baseAddress, 1920, 1080);

    /// <summary>A fresh browser profile (own cookies) with a screen of the given size: a phone, a laptop, a wall.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseAddress, int width, int height)
    {
        RequireBrowser();
        return await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",
        });
    }

    /// <summary>Where browser tests keep the screenshots a person looks at (beside the test binaries, under <c>screenshots/</c>).</summary>
    public static string ScreenshotPath(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
    }
}
