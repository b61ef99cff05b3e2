namespace ApprovalHub.Supervision.Notifications;

/// <summary>Which notification a <c>notify.send</c> task sends; it follows from the task's element id.</summary>
public enum NotificationKind
{
    /// <summary>办理结果: the outcome of a case, with the decision and comment (<c>Task_notify_result</c>).</summary>
    Result = 0,

    /// <summary>催办: a task is waiting too long (<c>Task_*_remind_notify</c>).</summary>
    Reminder = 1,

    /// <summary>到期提醒: apply before a validity ends (the step processes' <c>Task_remind</c>).</summary>
    DueReminder = 2,

    /// <summary>告警: an IoT alarm for the maintenance unit (<c>Task_notify_maintenance</c>).</summary>
    Alarm = 3,

    /// <summary>应急: nobody reached a trapped passenger in time; 119 is called (<c>Task_call_119</c>).</summary>
    Emergency = 4,

    /// <summary>Any other <c>notify.send</c> task: told to the applicant.</summary>
    General = 5,
}

/// <summary>
/// One notification in the outbox (消息): the UI lists a user's own, and later integrations (SMS,
/// 浙政钉) send them on. A notification reaches a user by name, the users of an organisation, or a
/// candidate group inside a region; an anonymous complainant is reached by the phone they left.
/// </summary>
public sealed class Notification
{
    /// <summary>Row id (keyset paging, newest first).</summary>
    public long Id { get; set; }

    /// <summary>The process instance that sent it.</summary>
    public Guid InstanceId { get; set; }

    /// <summary>Its process key.</summary>
    public required string ProcessKey { get; set; }

    /// <summary>The <c>notify.send</c> task.</summary>
    public required string ElementId { get; set; }

    /// <summary>Which notification.</summary>
    public NotificationKind Kind { get; set; }

    /// <summary>A user, by user name (the process's initiator, a task's assignee).</summary>
    public string? RecipientUser { get; set; }

    /// <summary>An organisation: every user acting for it.</summary>
    public long? RecipientOrganisationId { get; set; }

    /// <summary>A candidate group (<c>regulator.city</c>, <c>inspector</c> …) within <see cref="RegionCode"/>.</summary>
    public string? RecipientGroup { get; set; }

    /// <summary>The region the notification is about; limits a group recipient to regulators covering it.</summary>
    public string? RegionCode { get; set; }

    /// <summary>A phone number for someone without an account (the public complainant of unit 30).</summary>
    public string? RecipientContact { get; set; }

    /// <summary>Title, in Chinese.</summary>
    public required string Title { get; set; }

    /// <summary>Body, in Chinese.</summary>
    public required string Body { get; set; }

    /// <summary>The decision a result reports (<c>approve</c>, <c>return</c>, <c>reject</c>), if any.</summary>
    public string? Decision { get; set; }

    /// <summary>The decider's comment, if any.</summary>
    public string? Comment { get; set; }

    /// <summary>The device concerned, if any.</summary>
    public string? EquipmentCode { get; set; }

    /// <summary>When it was put in the outbox (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a recipient first read it (UTC), or null while unread.</summary>
    public DateTimeOffset? ReadAt { get; set; }
}
