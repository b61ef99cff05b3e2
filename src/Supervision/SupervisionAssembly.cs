namespace ApprovalHub.Supervision;

/// <summary>Marker for the supervision domain assembly.</summary>
public static class SupervisionAssembly;
