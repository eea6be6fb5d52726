import { byId } from '../dom';

/** A yes/no question in a modal dialog; resolves true for yes. Escape or Cancel is no. */
export function confirmDialog(title: string, text: string, yes: string): Promise<boolean> {
  const dialog = byId<HTMLDialogElement>('confirm-dialog');
  byId('confirm-title').textContent = title;
  byId('confirm-text').textContent = text;
  byId('confirm-yes').textContent = yes;
  dialog.returnValue = '';
  const opener = document.activeElement as HTMLElement | null;
  dialog.showModal();
  byId('confirm-no').focus();
  return new Promise((resolve) => {
    dialog.addEventListener(
      'close',
      () => {
        opener?.focus?.();
        resolve(dialog.returnValue === 'yes');
      },
      { once: true },
    );
  });
}
