// The analysts' BPMN designer: bpmn-js's Modeler with the ah: extensions (ah-moddle.js). The server
// keeps the logic (Components/Admin/Designer): this module describes the selected element, applies
// the updates the property panel sends, and marks validation diagnostics on the diagram.
import { loadBpmnModeler } from './bundles.js';
import { ahAttributes, ahDescriptor } from './ah-moddle.js';

const severityMarkers = { error: 'ah-diagnostic-error', warning: 'ah-diagnostic-warning', info: 'ah-diagnostic-info' };

export async function create(element, xml, dotNet) {
  const Modeler = await loadBpmnModeler();
  const modeler = new Modeler({ container: element, keyboard: { bindTo: element }, moddleExtensions: { ah: ahDescriptor } });
  const designer = { modeler, dotNet, marked: [], overlays: [], selected: null };
  await importXml(designer, xml);
  const events = modeler.get('eventBus');
  events.on('selection.changed', ({ newSelection }) => {
    designer.selected = newSelection.length === 1 ? newSelection[0] : null;
    notifySelection(designer);
  });
  events.on('element.changed', ({ element: changed }) => {
    if (designer.selected && changed.id === designer.selected.id) {
      notifySelection(designer);
    }
  });
  events.on('commandStack.changed', () => designer.dotNet && designer.dotNet.invokeMethodAsync('OnDiagramChanged'));
  return designer;
}

async function importXml(designer, xml) {
  const { warnings } = await designer.modeler.importXML(xml);
  if (warnings && warnings.length) {
    console.warn('bpmn-js import warnings', warnings);
  }
  // Fit, then make room on the left: the palette floats over the canvas and would hide the start.
  const canvas = designer.modeler.get('canvas');
  canvas.zoom('fit-viewport', 'auto');
  canvas.zoom(canvas.zoom() * 0.85);
  const palette = designer.modeler.get('canvas').getContainer().querySelector('.djs-palette');
  const viewbox = canvas.viewbox();
  canvas.viewbox({ x: viewbox.x - ((palette ? palette.offsetWidth : 0) + 24) / viewbox.scale, y: viewbox.y, width: viewbox.width, height: viewbox.height });
  designer.marked = [];
  designer.overlays = [];
  designer.selected = null;
}

function notifySelection(designer) {
  if (designer.dotNet) {
    designer.dotNet.invokeMethodAsync('OnSelectionChanged', designer.selected ? describe(designer.selected) : null);
  }
}

/** What the property panel needs to know about a shape (SelectedElement on the server). */
function describe(shape) {
  const bo = shape.businessObject;
  const attributes = {};
  for (const name of ahAttributes) {
    const value = bo.get(name);
    if (value !== undefined && value !== null && value !== '') {
      attributes[name] = String(value);
    }
  }
  const definition = (bo.eventDefinitions || [])[0];
  const loop = bo.loopCharacteristics && bo.loopCharacteristics.$type === 'bpmn:MultiInstanceLoopCharacteristics' ? bo.loopCharacteristics : null;
  return {
    id: bo.id,
    type: bo.$type,
    name: bo.name || null,
    attributes,
    trigger: definition ? definition.$type.replace('bpmn:', '').replace('EventDefinition', '').toLowerCase() : null,
    loop: loop ? {
      isSequential: !!loop.isSequential,
      collection: loop.get('ah:collection') || null,
      elementVariable: loop.get('ah:elementVariable') || null,
      completionCondition: loop.completionCondition ? loop.completionCondition.body : null,
    } : null,
  };
}

/** Applies an ElementUpdate from the property panel as one undoable command per part. */
export function apply(designer, update) {
  const registry = designer.modeler.get('elementRegistry');
  const modeling = designer.modeler.get('modeling');
  const moddle = designer.modeler.get('moddle');
  const shape = registry.get(update.elementId);
  if (!shape) {
    return false;
  }
  const properties = {};
  for (const [name, value] of Object.entries(update.attributes || {})) {
    properties[name] = value === null ? undefined : value;
  }
  if (Object.keys(properties).length) {
    modeling.updateProperties(shape, properties);
  }
  if (update.loop) {
    if (update.loop.remove) {
      modeling.updateProperties(shape, { loopCharacteristics: undefined });
    } else {
      const loop = moddle.create('bpmn:MultiInstanceLoopCharacteristics', { isSequential: update.loop.isSequential });
      loop.set('ah:collection', update.loop.collection || undefined);
      loop.set('ah:elementVariable', update.loop.elementVariable || undefined);
      if (update.loop.completionCondition) {
        loop.completionCondition = moddle.create('bpmn:FormalExpression', { body: update.loop.completionCondition });
      }
      modeling.updateProperties(shape, { loopCharacteristics: loop });
    }
  }
  return true;
}

export async function getXml(designer) {
  const { xml } = await designer.modeler.saveXML({ format: true });
  return xml;
}

export async function setXml(designer, xml) {
  await importXml(designer, xml);
  notifySelection(designer);
}

export function select(designer, id) {
  const shape = designer.modeler.get('elementRegistry').get(id);
  if (shape) {
    designer.modeler.get('selection').select(shape);
    designer.modeler.get('canvas').scrollToElement(shape);
  }
}

/** Marks diagnostics on their elements: a coloured outline and a badge with the count. */
export function mark(designer, diagnostics) {
  const canvas = designer.modeler.get('canvas');
  const registry = designer.modeler.get('elementRegistry');
  const overlays = designer.modeler.get('overlays');
  for (const [id, cls] of designer.marked) {
    canvas.removeMarker(id, cls);
  }
  for (const overlay of designer.overlays) {
    overlays.remove(overlay);
  }
  designer.marked = [];
  designer.overlays = [];
  const byElement = new Map();
  for (const d of diagnostics || []) {
    if (d.elementId && registry.get(d.elementId)) {
      const list = byElement.get(d.elementId) || [];
      list.push(d);
      byElement.set(d.elementId, list);
    }
  }
  for (const [id, list] of byElement) {
    const worst = list.some(d => d.severity === 'error') ? 'error' : list.some(d => d.severity === 'warning') ? 'warning' : 'info';
    canvas.addMarker(id, severityMarkers[worst]);
    designer.marked.push([id, severityMarkers[worst]]);
    const badge = document.createElement('div');
    badge.className = 'ah-diagnostic-badge ah-diagnostic-badge-' + worst;
    badge.textContent = String(list.length);
    badge.title = list.map(d => `${d.code}: ${d.message}`).join('\n');
    designer.overlays.push(overlays.add(id, { position: { top: -10, right: 10 }, html: badge }));
  }
}

export function dispose(designer) {
  designer.dotNet = null;
  designer.modeler.destroy();
}

/** Offers the XML as a file download (export). */
export function download(fileName, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/xml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}
