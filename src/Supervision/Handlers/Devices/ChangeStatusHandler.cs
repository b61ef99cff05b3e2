using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Handlers.Effects;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Records;
using ApprovalHub.Supervision.Registry;
using Microsoft.Extensions.Logging;

namespace ApprovalHub.Supervision.Handlers.Devices;

/// <summary>
/// <c>registry.changeStatus</c>: the status follows from the process and the element (see
/// <see cref="StatusRules"/>): 停用 (unit 13), 在用 (14, and 08 after a passed re-inspection),
/// 报废 (15), stopped for a failed inspection (07), a serious hazard (29), a supervision order (31)
/// or an accident (33); step 2 marks the device 超期未检. A device already in the target status is
/// left as it is; an illegal move is the business error <c>device-status</c>. Writes
/// <c>deviceStatus</c>, the Chinese label.
/// </summary>
internal sealed class ChangeStatusHandler(RegistryDbContext db, TimeProvider timeProvider, ILogger<ChangeStatusHandler> logger)
    : RegistryHandler(db, timeProvider, logger)
{
    public const string Type = "registry.changeStatus";

    protected override async Task ApplyAsync(HandlerCall call, CancellationToken cancellationToken)
    {
        var rule = StatusRules.For(call.Context.ProcessKey, call.Context.ElementId);
        var device = await Db.RequireDeviceAsync(call.Variables, cancellationToken);
        var today = Time.Today();
        if (rule.Status is not { } target)
        {
            // 超期未检 is not a status of its own (the validity date says it): it is recorded and reported.
            Db.RegistrationEvents.Add(new RegistrationEvent { DeviceId = device.Id, Kind = RegistrationEventKind.Overdue, OccurredOn = today, Detail = rule.Reason });
            await Db.SaveChangesAsync(cancellationToken);
            call.Output("deviceStatus", rule.Label);
            return;
        }

        if (device.Status != target)
        {
            if (!EquipmentLifecycle.IsAllowed(device.Status, target))
            {
                throw BusinessErrors.Error(BusinessErrors.DeviceStatus, new IllegalStatusTransitionException(device.Status, target).Message);
            }

            var before = (device.RegionCode, device.Category, device.Status);
            var from = device.Status;
            device.MoveTo(target);
            if (target is EquipmentStatus.Scrapped or EquipmentStatus.Cancelled)
            {
                device.NextDueOn = null;
            }

            Db.RegistrationEvents.Add(new RegistrationEvent
            {
                DeviceId = device.Id,
                Kind = target switch
                {
                    EquipmentStatus.InUse when from == EquipmentStatus.Suspended => RegistrationEventKind.Resumed,
                    EquipmentStatus.InUse => RegistrationEventKind.Registered,
                    EquipmentStatus.Suspended => RegistrationEventKind.Suspended,
                    EquipmentStatus.Scrapped => RegistrationEventKind.Scrapped,
                    _ => RegistrationEventKind.Cancelled,
                },
                OccurredOn = call.Variables.Date("stoppedOn") ?? call.Variables.Date("scrappedOn") ?? today,
                Detail = rule.Reason,
            });
            await Db.SaveChangesAsync(cancellationToken);
            await RegionRollups.ApplyAsync(Db, before, (device.RegionCode, device.Category, device.Status), cancellationToken);
        }

        call.Output("deviceStatus", rule.Label);
    }
}

/// <summary>Which status each <c>registry.changeStatus</c> task of the catalog sets, and why.</summary>
internal static class StatusRules
{
    /// <summary>A target status (null: 超期未检, which only records), its label and the reason recorded.</summary>
    public sealed record Rule(EquipmentStatus? Status, string Label, string Reason);

    private static readonly Dictionary<(string Process, string Element), Rule> Rules = new()
    {
        [(UnitProcesses.Suspension, "Task_change_status")] = new(EquipmentStatus.Suspended, "停用", "使用单位申报停用"),
        [(UnitProcesses.Restart, "Task_change_status")] = new(EquipmentStatus.InUse, "在用", "停用后重新启用"),
        [(UnitProcesses.Scrapping, "Task_change_status")] = new(EquipmentStatus.Scrapped, "报废", "报废注销"),
        [(UnitProcesses.InspectionReport, "Task_stop")] = new(EquipmentStatus.Suspended, "检验不合格", "定期检验不合格，停止使用待整改复检"),
        [(UnitProcesses.Reinspection, "Task_restart")] = new(EquipmentStatus.InUse, "在用", "复检合格，恢复使用"),
        [(UnitProcesses.SelfCheck, "Task_stop")] = new(EquipmentStatus.Suspended, "停用", "自查发现严重事故隐患，立即停止使用"),
        [(UnitProcesses.HazardRectification, "Task_stop")] = new(EquipmentStatus.Suspended, "停用", "安全监察指令书责令停止使用"),
        [(UnitProcesses.Accident, "Task_stop")] = new(EquipmentStatus.Suspended, "事故停用", "发生事故，停止使用"),
        [(UnitProcesses.InspectionStep, "Task_mark_overdue")] = new(null, "超期未检", "检验有效期届满未申报定期检验，已通报监管部门"),
    };

    /// <summary>The rule of a task, or a <see cref="HandlerInputException"/> for a task the catalog does not know.</summary>
    public static Rule For(string processKey, string elementId) =>
        Rules.TryGetValue((processKey, elementId), out var rule)
            ? rule
            : throw new HandlerInputException(
                $"registry.changeStatus at '{elementId}' of {processKey}: no status is defined for this task. Add it to StatusRules (src/Supervision/Handlers/Devices/ChangeStatusHandler.cs).");
}
