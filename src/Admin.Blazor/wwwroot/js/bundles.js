// Loads the npm bundles that the build copies into wwwroot/lib (Admin.Blazor.csproj), once each.
// bpmn-js's viewer and modeler bundles both assign the global `BpmnJS`, so each loader captures
// the constructor as soon as its script has run; pages can use both without one replacing the other.
const base = new URL('../lib/', import.meta.url);
const loaded = new Map();

function loadScript(path, capture) {
  if (!loaded.has(path)) {
    loaded.set(path, new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = new URL(path, base).href;
      script.async = true;
      script.onload = () => resolve(capture());
      script.onerror = () => {
        loaded.delete(path);
        reject(new Error(`Could not load ${path}`));
      };
      document.head.appendChild(script);
    }));
  }
  return loaded.get(path);
}

function loadStyle(path) {
  const href = new URL(path, base).href;
  if (!document.querySelector(`link[href="${href}"]`)) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.appendChild(link);
  }
}

function bpmnStyles() {
  loadStyle('bpmn-js/assets/diagram-js.css');
  loadStyle('bpmn-js/assets/bpmn-js.css');
  loadStyle('bpmn-js/assets/bpmn-font/css/bpmn-embedded.css');
}

/** The bpmn-js NavigatedViewer constructor (pan and zoom, no editing). */
export function loadBpmnViewer() {
  bpmnStyles();
  return loadScript('bpmn-js/bpmn-navigated-viewer.production.min.js', () => window.BpmnJS);
}

/** The bpmn-js Modeler constructor. */
export function loadBpmnModeler() {
  bpmnStyles();
  return loadScript('bpmn-js/bpmn-modeler.production.min.js', () => window.BpmnJS);
}

/** The form-js editor namespace ({ FormEditor, createFormEditor, ... }). */
export function loadFormEditor() {
  loadStyle('form-js/assets/form-js.css');
  loadStyle('form-js/assets/form-js-editor.css');
  loadStyle('form-js/assets/properties-panel.css');
  return loadScript('form-js/form-editor.umd.js', () => window.FormEditor);
}

/** The echarts namespace. */
export function loadEcharts() {
  return loadScript('echarts/echarts.min.js', () => window.echarts);
}
