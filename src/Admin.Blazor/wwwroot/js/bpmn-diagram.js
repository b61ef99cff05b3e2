// A read-only BPMN diagram with where a case stands: completed, active and failed elements are
// marked, and an optional count is shown on elements (tokens waiting there). Used by the task page,
// the applicant's case page and the analysts' instance viewer (Components/Diagrams/BpmnDiagram.razor).
import { loadBpmnViewer } from './bundles.js';

const markerClasses = { completed: 'ah-completed', active: 'ah-active', incident: 'ah-incident', selected: 'ah-selected' };

export async function create(element, xml, state, dotNet) {
  const Viewer = await loadBpmnViewer();
  const viewer = new Viewer({ container: element });
  const diagram = { viewer, marked: [], overlays: [], dotNet };
  await importXml(diagram, xml);
  apply(diagram, state);
  viewer.get('eventBus').on('element.click', event => {
    const bo = event.element.businessObject;
    if (diagram.dotNet && bo && event.element.type !== 'bpmn:Process' && event.element.type !== 'label') {
      diagram.dotNet.invokeMethodAsync('OnElementClicked', event.element.id);
    }
  });
  return diagram;
}

async function importXml(diagram, xml) {
  const { warnings } = await diagram.viewer.importXML(xml);
  if (warnings && warnings.length) {
    console.warn('bpmn-js import warnings', warnings);
  }
  diagram.viewer.get('canvas').zoom('fit-viewport', 'auto');
}

export async function update(diagram, xml, state) {
  if (xml) {
    diagram.marked = [];
    diagram.overlays = [];
    await importXml(diagram, xml);
  }
  apply(diagram, state);
}

function apply(diagram, state) {
  const canvas = diagram.viewer.get('canvas');
  const registry = diagram.viewer.get('elementRegistry');
  const overlays = diagram.viewer.get('overlays');
  for (const [id, cls] of diagram.marked) {
    canvas.removeMarker(id, cls);
  }
  for (const overlay of diagram.overlays) {
    overlays.remove(overlay);
  }
  diagram.marked = [];
  diagram.overlays = [];
  if (!state) {
    return;
  }
  for (const [kind, cls] of Object.entries(markerClasses)) {
    for (const id of state[kind] || []) {
      if (registry.get(id)) {
        canvas.addMarker(id, cls);
        diagram.marked.push([id, cls]);
      }
    }
  }
  for (const [id, count] of Object.entries(state.counts || {})) {
    if (registry.get(id) && count > 0) {
      const badge = document.createElement('div');
      badge.className = 'ah-diagram-count';
      badge.textContent = String(count);
      diagram.overlays.push(overlays.add(id, { position: { bottom: 8, right: 8 }, html: badge }));
    }
  }
}

export function dispose(diagram) {
  diagram.dotNet = null;
  diagram.viewer.destroy();
}
