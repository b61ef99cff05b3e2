// Two versions of a definition side by side, with the server's element diff marked: on the older
// diagram what was removed or changed, on the newer what was added or changed.
import { loadBpmnViewer } from './bundles.js';

export async function show(element, xml, marks) {
  const Viewer = await loadBpmnViewer();
  const viewer = new Viewer({ container: element });
  await viewer.importXML(xml);
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  canvas.zoom('fit-viewport', 'auto');
  for (const [kind, ids] of Object.entries(marks || {})) {
    for (const id of ids) {
      if (registry.get(id)) {
        canvas.addMarker(id, 'ah-diff-' + kind);
      }
    }
  }
  return viewer;
}

export function dispose(viewer) {
  viewer.destroy();
}
