using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ApprovalHub.Browser.Tests.Support;

/// <summary>
/// Fills the native form renderer the way a person does: finds each field by its visible label,
/// types, picks and uploads. Labels are bound to their inputs (docs/ui.md, "Forms"), so a label that
/// cannot be found is an accessibility defect as much as a test failure.
/// </summary>
public static class FormFilling
{
    /// <summary>A one-page PDF: what an enterprise attaches as a scanned document.</summary>
    public static FilePayload SmallPdf(string name) => new()
    {
        Name = name,
        MimeType = "application/pdf",
        Buffer = Encoding.ASCII.GetBytes(
            "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
            "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"),
    };

    /// <summary>The label of a field: its text starts with <paramref name="label"/> (a required mark may follow).</summary>
    public static ILocator Label(this ILocator form, string label) =>
        form.Locator("label").Filter(new LocatorFilterOptions { HasTextRegex = new Regex("^\\s*" + Regex.Escape(label) + "\\s*(（|$)") }).First;

    /// <summary>Types into the text input, text area or number input bound to <paramref name="label"/>.</summary>
    public static async Task FillFieldAsync(this ILocator form, string label, string value)
    {
        var input = form.Page.Locator("#" + await ForAsync(form, label));
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    /// <summary>Opens the select bound to <paramref name="label"/> and picks the option shown as <paramref name="option"/>.</summary>
    public static async Task SelectFieldAsync(this ILocator form, string label, string option)
    {
        var id = await ForAsync(form, label);
        var select = form.Page.Locator("#" + id.Replace("_list", string.Empty, StringComparison.Ordinal));
        await form.Page.Locator("#" + id).ClickAsync();
        // By keyboard, as a person without a mouse would: arrow down to the option, then Enter.
        var active = form.Page.Locator(".ant-select-dropdown .ant-select-item-option-active");
        await active.WaitForAsync();
        for (var step = 0; step < 50; step++)
        {
            var current = await active.GetAttributeAsync("aria-label");
            if (current == option)
            {
                break;
            }

            // The server moves the highlight: wait for it before the next key, or the keys outrun it.
            await form.Page.Keyboard.PressAsync("ArrowDown");
            await Assertions.Expect(active).Not.ToHaveAttributeAsync("aria-label", current ?? string.Empty);
        }

        await form.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(select.Locator(".ant-select-selection-item")).ToHaveTextAsync(option);
    }

    /// <summary>Types a date (yyyy-MM-dd) into the picker named by <paramref name="label"/>; the picker accepts typed text.</summary>
    public static async Task FillDateAsync(this ILocator form, string label, string date)
    {
        var labelId = await form.Label(label).GetAttributeAsync("id") ?? throw new InvalidOperationException($"The label {label} has no id.");
        var input = form.Locator($"[aria-labelledby=\"{labelId}\"] input").First;
        // The picker takes a typed date on Enter, by a round trip to the server. On a busy machine
        // the Enter can overtake the typing and the picker drops the text when the focus leaves, as
        // it would for a person typing faster than the page answers: type again until it holds.
        for (var attempt = 1; ; attempt++)
        {
            await input.ClickAsync();
            await input.FillAsync(date);
            await WaitForPickerToShowAsync(form.Page, date);
            // Enter commits the picker. A real key press would also submit the form once every
            // field is filled (implicit submission); a dispatched key reaches the picker's handler
            // without that default action.
            await input.DispatchEventAsync("keydown", new { key = "Enter", code = "Enter", keyCode = 13, bubbles = true });
            await input.PressAsync("Tab");
            try
            {
                await Assertions.Expect(input).ToHaveValueAsync(date, new LocatorAssertionsToHaveValueOptions { Timeout = 3_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>
    /// Checks, just before sending, that a date typed earlier is still there, and types it again if
    /// not: a date the picker had not committed is dropped when a later field re-renders the form.
    /// </summary>
    public static async Task ConfirmDateAsync(this ILocator form, string label, string date)
    {
        var labelId = await form.Label(label).GetAttributeAsync("id") ?? throw new InvalidOperationException($"The label {label} has no id.");
        var input = form.Locator($"[aria-labelledby=\"{labelId}\"] input").First;
        if (await input.InputValueAsync() != date)
        {
            await form.FillDateAsync(label, date);
        }
    }

    // The calendar marks the typed date once the server has parsed it; Enter before that is the race.
    private static async Task WaitForPickerToShowAsync(IPage page, string date)
    {
        try
        {
            await page.Locator($".ant-picker-dropdown .ant-picker-cell-selected[title=\"{date}\"]").First
                .WaitForAsync(new LocatorWaitForOptions { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            // Not marked in time: press Enter anyway; the value check after it decides whether to type again.
        }
    }

    /// <summary>Uploads <paramref name="file"/> through the file input bound to <paramref name="label"/> and waits until it is listed.</summary>
    public static async Task UploadAsync(this ILocator form, string label, FilePayload file)
    {
        var id = await ForAsync(form, label);
        await form.Page.Locator("#" + id).SetInputFilesAsync(file);
        await Assertions.Expect(form.Locator(".ah-form-file-list li", new LocatorLocatorOptions { HasText = file.Name })).ToBeVisibleAsync();
    }

    private static async Task<string> ForAsync(ILocator form, string label) =>
        await form.Label(label).GetAttributeAsync("for") ?? throw new InvalidOperationException($"The label {label} is bound to no input.");
}
