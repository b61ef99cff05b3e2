// Moves the keyboard focus to the first field with an error after a failed submission, so that
// keyboard and screen-reader users land where the form needs them.
export function focusFirstError(form) {
  if (!form) {
    return;
  }
  const field = form.querySelector('.ant-form-item-has-error');
  if (!field) {
    return;
  }
  const input = field.querySelector('input:not([type=hidden]):not([disabled]), textarea:not([disabled]), [role=combobox], [tabindex]:not([tabindex="-1"])');
  (input ?? field).focus?.();
  field.scrollIntoView({ block: 'center', behavior: 'smooth' });
}
