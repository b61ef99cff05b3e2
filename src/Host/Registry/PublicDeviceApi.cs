using System.Net;
using System.Text;
using ApprovalHub.Supervision.Traceability;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalHub.Host.Registry;

/// <summary>
/// The public side of 一码追溯: <c>/q/{code}</c>, the URL every device's QR code encodes. A phone
/// gets a small page; a client asking for JSON gets <see cref="PublicDeviceFacts"/>. Only public
/// facts, never personal data, and rate-limited per client address.
/// </summary>
internal static class PublicDeviceApi
{
    public const string RateLimitPolicy = "public-qr";

    public static IEndpointRouteBuilder MapPublicDeviceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/q/{code}", PageAsync).WithName("PublicDevicePage").WithTags("Public")
            .WithSummary("Public facts of a device (the QR code's URL): HTML, or JSON when asked for")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy);
        app.MapGet("/api/public/devices/{code}", FactsAsync).WithName("PublicDeviceFacts").WithTags("Public")
            .WithSummary("Public facts of a device as JSON")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy);
        return app;
    }

    private static async Task<Results<Ok<PublicDeviceFacts>, NotFound>> FactsAsync(string code, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new GetPublicDeviceFacts(code), cancellationToken) is { } facts ? TypedResults.Ok(facts) : TypedResults.NotFound();

    private static async Task<IResult> PageAsync(string code, HttpContext http, IMediator mediator, CancellationToken cancellationToken)
    {
        var facts = await mediator.Send(new GetPublicDeviceFacts(code), cancellationToken);
        if (http.Request.Headers.Accept.Any(a => a is not null && a.Contains("application/json", StringComparison.OrdinalIgnoreCase)))
        {
            return facts is null ? TypedResults.NotFound() : TypedResults.Ok(facts);
        }

        return facts is null
            ? TypedResults.Content(Page("未找到设备", $"<p>没有设备代码为 {Html(code)} 的登记设备。</p>"), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Content(Page($"{facts.CategoryName} {facts.EquipmentCode}", Body(facts)), "text/html; charset=utf-8");
    }

    private static string Body(PublicDeviceFacts f)
    {
        var rows = new StringBuilder();
        void Row(string label, string? value) => rows.Append("<tr><th>").Append(label).Append("</th><td>").Append(Html(value ?? "—")).Append("</td></tr>");
        Row("登记状态", f.StatusName);
        Row("使用登记证编号", f.UseCertificateNumber);
        Row("使用单位", f.UseUnit);
        Row("最近检验结论", f.LastInspectionResult is null ? null : $"{f.LastInspectionResult}（{f.LastInspectedOn:yyyy-MM-dd}）");
        Row("下次检验日期", f.NextDueOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + (f.Overdue ? "（超期未检）" : string.Empty));
        Row("维保单位", f.MaintenanceUnit);
        Row("最近维保日期", f.LastMaintainedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Row("救援识别码", f.RescueCode);
        Row("应急救援电话", f.Hotline);
        Row("告警", f.AlarmActive ? "有未解除告警" : "无");
        return $"<table>{rows}</table>";
    }

    private static string Page(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>{Html(title)}</title><style>body{{font-family:sans-serif;margin:1rem}}th{{text-align:left;padding-right:1rem}}</style></head>" +
        $"<body><h1>{Html(title)}</h1>{body}</body></html>";

    private static string Html(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
