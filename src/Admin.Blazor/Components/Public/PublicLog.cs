using Microsoft.Extensions.Logging;

namespace ApprovalHub.Admin.Blazor.Components.Public;

/// <summary>Log events of the public pages (8150–8159 of the portal's range 8100–8199).</summary>
internal static partial class PublicLog
{
    [LoggerMessage(EventId = 8150, Level = LogLevel.Information, Message = "Public complaint about {EquipmentCode} refused with {ErrorCount} field error(s)")]
    public static partial void ComplaintInvalid(this ILogger logger, string equipmentCode, int errorCount);
}
