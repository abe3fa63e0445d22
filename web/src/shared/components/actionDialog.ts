// What every workflow's action dialog does besides its fields: clear the form when another
// action opens, check the form into a body (or the first thing wrong), send it with the
// confirm button busy, and show the server's message when the action is refused.
import { ref } from 'vue';
import { run } from '../api/run';

export type Checked<B> = { body: B } | { error: string };

export function useActionDialog() {
  const error = ref('');
  const busy = ref(false);

  /** Empties the form (every key, so the next action starts from its own defaults) and the error. */
  function reset(form: Record<string, unknown>) {
    for (const k of Object.keys(form)) delete form[k];
    error.value = '';
  }

  /** Sends a checked body; the answer, or undefined when the check or the server refused (the error shown). */
  async function submit<B, T>(checked: Checked<B>, send: (body: B) => Promise<T>): Promise<T | undefined> {
    if ('error' in checked) { error.value = checked.error; return undefined; }
    error.value = '';
    return run(() => send(checked.body), { loading: busy, error });
  }

  return { error, busy, reset, submit };
}
