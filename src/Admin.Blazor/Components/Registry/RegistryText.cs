namespace ApprovalHub.Admin.Blazor.Components.Registry;

/// <summary>Strings of the officials' registry pages (the device record): <c>IStringLocalizer&lt;RegistryText&gt;</c>.</summary>
public sealed class RegistryText;
