namespace ApprovalHub.Admin.Blazor.Components.Tasks;

/// <summary>The kinds of <see cref="TaskNotice"/>, as Ant Design's alert colours them.</summary>
public enum NoticeKind
{
    /// <summary>Blue: information.</summary>
    Info,

    /// <summary>Green: an action succeeded.</summary>
    Success,

    /// <summary>Orange: something to know before going on.</summary>
    Warning,

    /// <summary>Red: an action or query was refused.</summary>
    Error,
}
