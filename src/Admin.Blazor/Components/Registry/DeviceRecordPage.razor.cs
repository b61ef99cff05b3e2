using System.Globalization;
using System.Security.Claims;
using ApprovalHub.Admin.Blazor.Components.Tasks;
using ApprovalHub.Admin.Blazor.Formatting;
using ApprovalHub.Admin.Blazor.Localization;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Registry;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace ApprovalHub.Admin.Blazor.Components.Registry;

/// <summary>
/// /registry/devices/{id}: a device's record (档案) for officials — the registry's file and its
/// lifecycle newest first, with links to the cases run for it. The device card of a task or case
/// page links here. A device the caller's scope does not cover reads as missing.
/// </summary>
public partial class DeviceRecordPage : IDisposable
{
    /// <summary>Who may open device records: regulators, inspection bodies and administrators (host's Security/Roles.cs).</summary>
    internal static readonly string[] OfficialRoles = ["regulator", "inspector", "admin"];

    private readonly CancellationTokenSource _disposed = new();
    private DeviceRecord? _record;
    private ClaimsPrincipal? _user;
    private bool _official;
    private bool _notFound;

    [Inject]
    private IDeviceRecords Records { get; set; } = default!;

    [Inject]
    private IStringLocalizer<RegistryText> T { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedText> L { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    /// <summary>The registry id from the route.</summary>
    [Parameter]
    public long Id { get; set; }

    /// <summary>True for the roles that may open a device record; the pages check it before asking the registry anything.</summary>
    internal static bool IsOfficial(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && OfficialRoles.Any(user.IsInRole);

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        _user = await TaskUser.CurrentAsync(Authentication);
        _official = IsOfficial(_user);
        if (!_official)
        {
            return;
        }

        _record = await Records.GetAsync(_user, Id, _disposed.Token);
        _notFound = _record is null;
    }

    private static bool English => CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    private static string CategoryName(EquipmentCategory category) => English ? category.EnglishName() : category.ChineseName();

    private string Organisation(OrganisationRef? organisation) => organisation?.Name ?? T["None"];

    private string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? T["None"];

    private static string Day(DateTimeOffset at) => ChinaTime.ToChinaTime(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // The registry's kinds are fixed words (inspection, hazard.found, process.instancestarted …); a kind
    // this page does not know yet shows the registry's own title rather than a raw key.
    private string KindName(DeviceRecordEntry entry)
    {
        var text = T["Kind." + entry.Kind];
        return text.ResourceNotFound ? entry.Title : text.Value;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
