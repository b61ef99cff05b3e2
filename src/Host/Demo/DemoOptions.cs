namespace ApprovalHub.Host.Demo;

/// <summary>Configuration section <c>Demo</c>.</summary>
public sealed class DemoOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Demo";

    /// <summary>
    /// Deploy every <c>definitions/**/*.bpmn</c> at startup, so a fresh <c>dotnet run</c> has
    /// something to show. On in appsettings.json, off in appsettings.Production.json.
    /// </summary>
    public bool Enabled { get; set; }
}
