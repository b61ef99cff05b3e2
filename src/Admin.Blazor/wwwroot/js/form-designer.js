// The form-js editor for definitions/forms/*.form schemas. Every change is sent to the server,
// which validates the schema and renders the live preview natively (Components/Admin/Forms).
import { loadFormEditor } from './bundles.js';

export async function create(element, schemaJson, dotNet) {
  const FormJs = await loadFormEditor();
  const editor = new FormJs.FormEditor({ container: element });
  await editor.importSchema(JSON.parse(schemaJson));
  const designer = { editor, dotNet };
  editor.on('changed', () => {
    if (designer.dotNet) {
      designer.dotNet.invokeMethodAsync('OnSchemaChanged', JSON.stringify(editor.saveSchema()));
    }
  });
  return designer;
}

export function getSchema(designer) {
  return JSON.stringify(designer.editor.saveSchema(), null, 2);
}

export function dispose(designer) {
  designer.dotNet = null;
  designer.editor.destroy();
}
