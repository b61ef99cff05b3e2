using Microsoft.Playwright;

namespace ApprovalHub.Browser.Tests.Support;

/// <summary>What every journey does: sign in, wait for a page to run interactively, take screenshots.</summary>
public static class Pages
{
    /// <summary>The password of the demo accounts (src/Host/Demo/DemoUsers.cs).</summary>
    public const string DemoPassword = "Demo-ApprovalHub-2026";

    /// <summary>Where screenshots go: under the test output (artifacts/test-results/screenshots in scripts/test.sh).</summary>
    public static string ScreenshotFolder { get; } =
        Environment.GetEnvironmentVariable("APPROVALHUB_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Signs in on the real sign-in page.</summary>
    public static async Task SignInAsync(this IPage page, string userName)
    {
        await page.GotoAsync("login");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }

    /// <summary>Opens a page and waits until Blazor runs it interactively (the admin pages' marker), so clicks reach the server.</summary>
    public static async Task OpenAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator(".ah-interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

    /// <summary>
    /// Clicks a diagram element once it lies inside its canvas: bpmn-js fits the diagram to the
    /// canvas after the page has laid out, and a click before that can land on the side panel.
    /// </summary>
    public static async Task ClickInCanvasAsync(this IPage page, string canvasSelector, string elementId)
    {
        var canvas = page.Locator(canvasSelector);
        var element = canvas.Locator($"[data-element-id=\"{elementId}\"]");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await canvas.BoundingBoxAsync() is { } area && await element.BoundingBoxAsync() is { } box
                && box.X >= area.X && box.X + box.Width <= area.X + area.Width && box.Y >= area.Y && box.Y + box.Height <= area.Y + area.Height)
            {
                break;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{elementId} did not come inside {canvasSelector} within 30 s.");
            }

            await Task.Delay(200);
        }

        await element.ClickAsync();
    }

    /// <summary>Saves a full-page screenshot as <c>{name}.png</c> in <see cref="ScreenshotFolder"/>.</summary>
    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }
}
