// The one error handling for a request made from a page: the task runs with a loading flag
// up, and when it fails the server's localised error message goes where the page shows it
// (a ref beside the form, ElMessage on the console, a toast on the phone) instead of every
// call site writing its own try/catch. run never throws, so code after `await run(...)`
// runs whether the task succeeded or not, as a `finally` would.
import { isRef, type Ref } from 'vue';

/** Where a failure's message goes: a ref the page renders, or a function such as messageError. */
export type ErrorTarget = Ref<string> | ((message: string, error: any) => void);

export interface RunOptions {
  /** Raised while the task runs, lowered when it settles. */
  loading?: Ref<boolean>;
  /** Where the failure's message goes; without one the failure is dropped silently. */
  error?: ErrorTarget;
  /**
   * The answer belongs to a request the page has since replaced (a newer search, another
   * item): when this says so at settle time, neither the error nor the loading flag is touched.
   */
  stale?: () => boolean;
}

/** The message a failure shows: the server's own (ApiError carries it), else the error's text. */
export function errorMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e && typeof (e as any).message === 'string') return (e as any).message;
  return String(e);
}

/** Runs the task; its result, or undefined when it failed (the failure already shown). */
export async function run<T>(task: () => Promise<T>, opts: RunOptions = {}): Promise<T | undefined> {
  if (opts.loading) opts.loading.value = true;
  try {
    return await task();
  } catch (e) {
    if (opts.stale?.()) return undefined;
    const target = opts.error;
    if (isRef(target)) target.value = errorMessage(e);
    else if (target) target(errorMessage(e), e);
    return undefined;
  } finally {
    if (opts.loading && !opts.stale?.()) opts.loading.value = false;
  }
}

/** Whether the user confirmed: a confirmation dialog's promise (ElMessageBox, vant) rejects on cancel. */
export async function confirmed(dialog: Promise<unknown>): Promise<boolean> {
  try {
    await dialog;
    return true;
  } catch {
    return false;
  }
}
