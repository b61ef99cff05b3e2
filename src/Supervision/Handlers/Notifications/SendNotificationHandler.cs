using ApprovalHub.Supervision.Handlers.Effects;
using ApprovalHub.Supervision.Notifications;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Workflows.Runtime.Definitions;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.Extensions.Logging;

namespace ApprovalHub.Supervision.Handlers.Notifications;

/// <summary>
/// <c>notify.send</c>: puts a notification in the outbox. Which one follows from the element id
/// (<see cref="NotificationKind"/>); who receives it from the case: a result goes to the applicant
/// (<c>initiator</c>) and their organisation, or to the phone an anonymous complainant left; a
/// reminder (催办) to the assignee or candidate group of the task it is attached to, within the
/// task's region; an alarm to the device's maintenance unit; a 119 call to the street regulators.
/// Results carry the <c>decision</c> and <c>comment</c>.
/// </summary>
internal sealed class SendNotificationHandler(
    RegistryDbContext db, IWorkflowQueries workflows, IProcessDefinitionSource definitions, TimeProvider timeProvider, ILogger<SendNotificationHandler> logger)
    : RegistryHandler(db, timeProvider, logger)
{
    public const string Type = "notify.send";

    private const string ReminderSuffix = "_remind_notify";

    private readonly ILogger _logger = logger;

    /// <summary>The kind of notification an element sends.</summary>
    public static NotificationKind KindOf(string elementId) => elementId switch
    {
        "Task_notify_result" => NotificationKind.Result,
        "Task_remind" => NotificationKind.DueReminder,
        "Task_notify_maintenance" => NotificationKind.Alarm,
        "Task_call_119" => NotificationKind.Emergency,
        _ when elementId.EndsWith(ReminderSuffix, StringComparison.Ordinal) => NotificationKind.Reminder,
        _ => NotificationKind.General,
    };

    protected override async Task ApplyAsync(HandlerCall call, CancellationToken cancellationToken)
    {
        var context = call.Context;
        var variables = call.Variables;
        var instance = await workflows.GetInstanceAsync(context.InstanceId, cancellationToken);
        var process = instance is null ? null : await definitions.GetAsync(instance.DefinitionId, cancellationToken);
        var processName = process?.Process.Name ?? context.ProcessKey;
        var code = variables.Text("equipmentCode");
        var device = code is null ? null : await Db.FindDeviceAsync(code, cancellationToken);
        var region = device?.RegionCode ?? variables.Text("regionCode");
        var kind = KindOf(context.ElementId);
        var notification = new Notification
        {
            InstanceId = context.InstanceId,
            ProcessKey = context.ProcessKey,
            ElementId = context.ElementId,
            Kind = kind,
            RegionCode = region,
            EquipmentCode = code,
            Title = string.Empty,
            Body = string.Empty,
            CreatedAt = Time.GetUtcNow(),
        };

        switch (kind)
        {
            case NotificationKind.Reminder:
            {
                var taskElement = context.ElementId[..^ReminderSuffix.Length];
                var tasks = await workflows.GetTasksAsync(context.InstanceId, cancellationToken);
                if (tasks.FirstOrDefault(t => t.ElementId == taskElement && t.Status == UserTaskStatus.Open) is not { } task)
                {
                    // The task was done between the reminder timer and this job: nobody to remind.
                    return;
                }

                notification.RecipientUser = task.Assignee;
                notification.RecipientGroup = task.Assignee is null ? task.CandidateGroups.FirstOrDefault() : null;
                notification.RegionCode = task.RegionCode ?? region;
                notification.RecipientOrganisationId = task.Assignee is null && notification.RecipientGroup is null ? variables.Long("organisationId") : null;
                notification.Title = $"【催办】{task.Name ?? taskElement}";
                notification.Body = $"「{processName}」的「{task.Name ?? taskElement}」" +
                                    (task.DueAt is { } due ? $"应于 {due.ToOffset(Workflows.Calendar.BusinessCalendarFiles.ChinaOffset):yyyy-MM-dd HH:mm} 前办结" : "尚未办理") +
                                    "，请尽快办理。";
                break;
            }

            case NotificationKind.Alarm:
                notification.RecipientOrganisationId = device?.MaintenanceOrganisationId;
                notification.RecipientGroup = device?.MaintenanceOrganisationId is null ? "regulator.street" : null;
                notification.Title = $"【物联告警】设备 {code} 困人告警";
                notification.Body = $"设备 {code}（{device?.Address ?? "地址未登记"}）发出困人告警，请立即赶赴现场救援，30 分钟内到场。";
                break;
            case NotificationKind.Emergency:
                notification.RecipientGroup = "regulator.street";
                notification.Title = $"【应急救援】设备 {code} 困人未解救，已通知119";
                notification.Body = $"设备 {code}（{device?.Address ?? "地址未登记"}）困人告警后维保单位与街道救援站均未在时限内到场，已请求119消防救援，请跟进处置。";
                break;
            default:
                Applicant(notification, variables, device?.UserOrganisationId);
                (notification.Title, notification.Body) = kind == NotificationKind.DueReminder
                    ? DueReminderText(variables, code, device?.InspectionValidUntil)
                    : ResultText(processName, variables);
                notification.Decision = kind == NotificationKind.Result ? variables.Text("decision") : null;
                notification.Comment = Trim(variables.Text("comment"), 2000);
                break;
        }

        if (notification.RecipientUser is null && notification.RecipientOrganisationId is null && notification.RecipientGroup is null && notification.RecipientContact is null)
        {
            throw new HandlerInputException($"notify.send at '{context.ElementId}' of {context.ProcessKey}: the case names nobody to notify (no initiator, organisationId, device or contact).");
        }

        notification.Body = Trim(notification.Body, 4000)!;
        Db.Notifications.Add(notification);
        await Db.SaveChangesAsync(cancellationToken);
        HandlerLog.NotificationQueued(_logger, kind.ToString(), context.ElementId, context.InstanceId,
            notification.RecipientUser ?? notification.RecipientGroup ?? notification.RecipientOrganisationId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "contact");
    }

    private static void Applicant(Notification notification, HandlerVariables variables, long? deviceHolder)
    {
        notification.RecipientUser = variables.Text("initiator");
        notification.RecipientOrganisationId = variables.Long("organisationId");
        if (notification.RecipientUser is null && notification.RecipientOrganisationId is null)
        {
            // The anonymous complainant of unit 30 left a phone; an IoT case (unit 34) reaches the device's user unit.
            notification.RecipientContact = variables.Text("contactPhone");
            notification.RecipientOrganisationId = notification.RecipientContact is null ? deviceHolder : null;
        }
    }

    private static (string Title, string Body) ResultText(string processName, HandlerVariables variables)
    {
        var decision = variables.Text("decision") switch
        {
            "approve" => "同意",
            "reject" => "不同意",
            "return" => "退回补正",
            _ => "已办结",
        };
        var numbers = new[]
        {
            ("certificateNo", "证书编号"), ("licenceNo", "许可证编号"), ("noticeNo", "告知编号"), ("nextDueDate", "下次检验日期"), ("deviceStatus", "设备状态"),
        }.Select(n => variables.Text(n.Item1) is { } value ? $"{n.Item2}：{value}" : null).Where(n => n is not null);
        var body = $"您办理的「{processName}」结论：{decision}。" + string.Join("；", numbers);
        if (variables.Text("comment") is { } comment)
        {
            body += $" 意见：{comment}";
        }

        return ($"【办理结果】{processName}：{decision}", body);
    }

    private static (string Title, string Body) DueReminderText(HandlerVariables variables, string? code, DateOnly? validUntil)
    {
        if (variables.Text("licenceNo") is { } licence)
        {
            return ($"【到期提醒】许可证 {licence} 即将届满", $"许可证 {licence} 有效期将满，请至少在届满前6个月申请换证（许可证延续），逾期许可证失效。");
        }

        var until = validUntil is { } date ? $"（检验有效期至 {date:yyyy-MM-dd}）" : string.Empty;
        return ($"【到期提醒】设备 {code} 定期检验", $"设备 {code}{until}应在检验有效期届满前1个月向检验机构提出定期检验申请。");
    }

    private static string? Trim(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
