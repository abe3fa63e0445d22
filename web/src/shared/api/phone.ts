// Where a phone page's failed request is shown: a vant toast.
import { showToast } from 'vant';

export function toastError(message: string) {
  showToast(message);
}
