using System.Text.RegularExpressions;

namespace ApprovalHub.Admin.Blazor.Components.Admin;

/// <summary>A new process key and the diagram the designer starts it with.</summary>
public static partial class NewDefinition
{
    /// <summary>
    /// A process key is the BPMN process id: an XML name (letter or underscore first), at most 255
    /// characters, by convention lower case with underscores (<c>unit_11_use_registration</c>).
    /// </summary>
    public static bool IsValidKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    /// <summary>A process with a start event and its diagram shape: what an analyst draws on.</summary>
    public static string Template(string key, string name)
    {
        if (!IsValidKey(key))
        {
            throw new ArgumentException($"'{key}' is not a valid process key.", nameof(key));
        }

        var escapedName = System.Security.SecurityElement.Escape(name);
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:ah="http://approvalhub.org/schema/1.0/bpmn" id="Definitions_{key}" targetNamespace="http://approvalhub.org/definitions">
              <bpmn:process id="{key}" name="{escapedName}" isExecutable="true">
                <bpmn:startEvent id="StartEvent_1" name="申请" />
              </bpmn:process>
              <bpmndi:BPMNDiagram id="BPMNDiagram_1">
                <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="{key}">
                  <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
                    <dc:Bounds x="180" y="160" width="36" height="36" />
                  </bpmndi:BPMNShape>
                </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]{0,254}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
