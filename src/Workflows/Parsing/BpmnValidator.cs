using ApprovalHub.Workflows.Model;

namespace ApprovalHub.Workflows.Parsing;

internal static class BpmnValidator
{
    public static void Validate(BpmnDocument document, List<BpmnDiagnostic> diagnostics)
    {
        _ = document;
        _ = diagnostics;
    }
}
