// Where a console page's failed request is shown: Element Plus's message at the top.
import { ElMessage } from 'element-plus';

export function messageError(message: string) {
  ElMessage.error(message);
}
