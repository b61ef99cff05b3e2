using System.Net.Http.Headers;

namespace ApprovalHub.Host.Tests.Support;

/// <summary>Small BPMN files for tests.</summary>
internal static class TestBpmn
{
    /// <summary>A new process key, so tests sharing a database never see each other's definitions.</summary>
    public static string NewKey(string prefix = "test") => $"{prefix}_{Guid.NewGuid():N}";

    /// <summary>
    /// A valid executable process: start → user task → end. <paramref name="taskName"/> changes the
    /// content (and so the content hash) without changing the key.
    /// </summary>
    public static string Process(string key, string taskName = "审核", string name = "测试流程") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:ah="http://approvalhub.org/schema/1.0/bpmn"
                          id="Definitions_{key}" targetNamespace="http://approvalhub.org/tests">
          <bpmn:process id="{key}" name="{name}" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:userTask id="Review" name="{taskName}" ah:candidateGroups="regulator" />
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Review" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Review" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Well-formed BPMN whose second flow points at an element that does not exist (BPMN011).</summary>
    public static string DanglingFlow(string key) => Process(key).Replace("targetRef=\"End\"", "targetRef=\"Nowhere\"", StringComparison.Ordinal);

    /// <summary>Not XML at all past line 2: the root element is never closed.</summary>
    public const string Malformed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">
          <bpmn:process id="broken" isExecutable="true">
        """;

    /// <summary>The body of a BPMN upload.</summary>
    public static StringContent Content(string xml, string mediaType = "application/xml")
    {
        var content = new StringContent(xml);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        return content;
    }
}
