namespace ApprovalHub.Workflows.Tests.Support;

/// <summary>Small BPMN documents for tests, written inline so each test shows the model it checks.</summary>
internal static class Bpmn
{
    public const string Namespaces =
        """xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:ah="http://approvalhub.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" """;

    /// <summary>A definitions element holding one process with the given body.</summary>
    public static string Process(string body, bool executable = true, string id = "p", string rootElements = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions {Namespaces} id="defs" targetNamespace="http://approvalhub.org/test">
          {rootElements}
          <process id="{id}" isExecutable="{(executable ? "true" : "false")}">
        {body}
          </process>
        </definitions>
        """;

    /// <summary>start → user task → end, the smallest valid executable process.</summary>
    public static string Straight { get; } = Process("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <userTask id="review" name="审核" ah:candidateGroups="regulator" ah:dueIn="P15WD" />
            <sequenceFlow id="f2" sourceRef="review" targetRef="end" />
            <endEvent id="end" />
        """);
}
