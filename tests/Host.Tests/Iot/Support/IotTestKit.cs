using System.Net.Http.Json;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Alarms;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Iot.Persistence;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Workflows.Runtime.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Iot.Support;

/// <summary>Steps the IoT tests share: pick a device, give it a secret, wait for the database to show a result.</summary>
internal static class IotTestKit
{
    /// <summary>The service tasks units 34 and step 9 call, as recorded no-ops when the host has no real handler yet.</summary>
    private static readonly string[] HandlerTypes = ["notify.send", "registry.recordMaintenance", "hazard.open"];

    public static void EnsureHandlers(ApprovalHubFactory factory)
    {
        if (factory.Services.GetRequiredService<IServiceTaskHandlerRegistry>() is ServiceTaskHandlerRegistry registry)
        {
            foreach (var type in HandlerTypes.Where(t => !registry.TryGet(t, out _)))
            {
                registry.Add(type, (_, _) => ValueTask.CompletedTask);
            }
        }
    }

    /// <summary>The <paramref name="skip"/>-th demo device of a category that has a maintenance unit.</summary>
    public static async Task<Device> DeviceAsync(ApprovalHubFactory factory, EquipmentCategory category, int skip, CancellationToken cancellationToken)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        return await db.Devices.AsNoTracking()
            .Where(d => d.Category == category && (category != EquipmentCategory.Lift || d.MaintenanceOrganisationId != null))
            .OrderBy(d => d.Id).Skip(skip).FirstAsync(cancellationToken);
    }

    /// <summary>Issues a secret through the API as the administrator and makes the broker accept it.</summary>
    public static async Task<string> SecretAsync(IIotFixture fixture, string code, CancellationToken cancellationToken)
    {
        var admin = fixture.Database.Factory.CreateClientFor(SignedInClients.Admin);
        var response = await admin.PostAsync($"/api/iot/devices/{code}/credentials", null, cancellationToken);
        response.EnsureSuccessStatusCode();
        var issued = await response.Content.ReadFromJsonAsync<IssuedSecret>(Json.Options, cancellationToken);
        await fixture.AllowDevicesAsync(cancellationToken);
        return issued!.Secret;
    }

    /// <summary>A connected device with a fresh secret.</summary>
    public static async Task<TestDevice> ConnectAsync(IIotFixture fixture, string code, CancellationToken cancellationToken) =>
        await TestDevice.ConnectAsync(fixture.BrokerPort, code, await SecretAsync(fixture, code, cancellationToken), cancellationToken);

    /// <summary>Reads the IoT tables until <paramref name="probe"/> answers non-null, or fails after <paramref name="seconds"/>.</summary>
    public static async Task<T> EventuallyAsync<T>(ApprovalHubFactory factory, Func<IotDbContext, Task<T?>> probe, string what, CancellationToken cancellationToken, int seconds = 20)
        where T : class
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (true)
        {
            await using (var db = factory.Services.GetRequiredService<Func<IotDbContext>>()())
            {
                if (await probe(db) is { } found)
                {
                    return found;
                }
            }

            Assert.True(DateTime.UtcNow < until, $"timed out waiting for {what}");
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, CancellationToken cancellationToken, int seconds = 20)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"timed out waiting for {what}");
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>The open alarm of a device and type.</summary>
    public static Task<Alarm> OpenAlarmAsync(ApprovalHubFactory factory, string code, string type, CancellationToken cancellationToken, Func<Alarm, bool>? until = null) =>
        EventuallyAsync(factory, async db =>
        {
            var alarm = await db.Alarms.AsNoTracking().FirstOrDefaultAsync(a => a.EquipmentCode == code && a.Type == type && a.ClearedAt == null, cancellationToken);
            return alarm is not null && (until is null || until(alarm)) ? alarm : null;
        }, $"an open {type} alarm of {code}", cancellationToken);

    private sealed record IssuedSecret(string EquipmentCode, string Username, string Secret);
}
