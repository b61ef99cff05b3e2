// The moddle descriptor of ApprovalHub's BPMN extensions (docs/bpmn-extensions.md), so bpmn-js reads,
// edits and writes the ah: attributes and the ah:in/ah:out elements instead of treating them as
// unknown. Each property is declared once, on every BPMN type that may carry it.
const attr = (name, type = 'String') => ({ name, isAttr: true, type });

export const ahDescriptor = {
  name: 'ApprovalHub',
  uri: 'http://approvalhub.org/schema/1.0/bpmn',
  prefix: 'ah',
  xml: { tagAlias: 'lowerCase' },
  associations: [],
  types: [
    { name: 'Assignment', isAbstract: true, extends: ['bpmn:UserTask'],
      properties: [attr('assignee'), attr('candidateUsers'), attr('candidateGroups'), attr('dueIn'), attr('priority')] },
    { name: 'FormSupported', isAbstract: true, extends: ['bpmn:UserTask', 'bpmn:StartEvent'], properties: [attr('formKey')] },
    { name: 'Initiator', isAbstract: true, extends: ['bpmn:StartEvent'], properties: [attr('initiator')] },
    { name: 'Handler', isAbstract: true, extends: ['bpmn:ServiceTask', 'bpmn:SendTask'], properties: [attr('type'), attr('retry')] },
    { name: 'Result', isAbstract: true, extends: ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:ScriptTask'], properties: [attr('resultVariable')] },
    { name: 'AsyncCapable', isAbstract: true, extends: ['bpmn:FlowNode'], properties: [attr('async')] },
    { name: 'Escalating', isAbstract: true, extends: ['bpmn:BoundaryEvent'], properties: [attr('escalates')] },
    { name: 'Correlating', isAbstract: true, extends: ['bpmn:Event', 'bpmn:ReceiveTask'], properties: [attr('correlationKey')] },
    { name: 'CalledVersion', isAbstract: true, extends: ['bpmn:CallActivity'], properties: [attr('version')] },
    { name: 'Collection', isAbstract: true, extends: ['bpmn:MultiInstanceLoopCharacteristics'],
      properties: [attr('collection'), attr('elementVariable')] },
    { name: 'In', superClass: ['Element'], meta: { allowedIn: ['bpmn:CallActivity'] }, properties: [attr('source'), attr('target')] },
    { name: 'Out', superClass: ['Element'], meta: { allowedIn: ['bpmn:CallActivity'] }, properties: [attr('source'), attr('target')] },
  ],
};

/** The qualified ah: attribute names the property panel edits. */
export const ahAttributes = ['assignee', 'candidateUsers', 'candidateGroups', 'dueIn', 'priority', 'formKey', 'initiator', 'type', 'retry',
  'resultVariable', 'async', 'escalates', 'correlationKey', 'version'].map(n => 'ah:' + n);
