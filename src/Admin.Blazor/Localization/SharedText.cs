namespace ApprovalHub.Admin.Blazor.Localization;

/// <summary>
/// Strings every page shares (the shell, navigation, common buttons): <c>IStringLocalizer&lt;SharedText&gt;</c>.
/// Each feature keeps its own marker class and <c>.resx</c> pair beside its components, so features
/// never edit one another's strings.
/// </summary>
public sealed class SharedText;
