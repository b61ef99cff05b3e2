using Microsoft.Playwright;

namespace ApprovalHub.Browser.Tests.Support;

/// <summary>
/// One host and one Chromium for a test class. Chromium is Debian's (<c>/usr/bin/chromium</c>, or
/// <c>APPROVALHUB_CHROMIUM</c>): Playwright's own browser download cannot work here, and
/// scripts/test.sh installs the package together with a CJK font, without which every Chinese label
/// would be an empty box in the screenshots.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Where scripts/test.sh (or a developer) says Chromium is.</summary>
    public const string ChromiumVariable = "APPROVALHUB_CHROMIUM";

    private IPlaywright? _playwright;

    /// <summary>The running host.</summary>
    public BrowserHost Host { get; } = new();

    /// <summary>The browser; each test opens its own context (cookies, storage).</summary>
    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium is not at {chromium}. Run scripts/test.sh (it installs Debian's chromium and fonts-noto-cjk), " +
                $"or apt-get install chromium fonts-noto-cjk, or set {ChromiumVariable}.");
        }

        Host.Start();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context on the host, in Chinese, at a desktop size.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Host.DisposeAsync();
    }
}
