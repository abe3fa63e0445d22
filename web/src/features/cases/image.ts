// Photos are made small in the browser before upload: drawn on a canvas with the longest
// side at most 1600 px and encoded as JPEG (quality 0.85). Whatever the phone took (PNG,
// JPEG, or a HEIC the browser can decode) arrives as a JPEG the server accepts; the EXIF
// orientation is applied by the browser when it decodes the image, and the metadata
// (location, device) is not carried over by the canvas.
import { fitWithin } from './caseUtil';

export const MAX_SIDE = 1600;
export const JPEG_QUALITY = 0.85;

function loadImage(file: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.onload = () => { URL.revokeObjectURL(url); resolve(img); };
    img.onerror = () => { URL.revokeObjectURL(url); reject(new Error('image.decode')); };
    img.src = url;
  });
}

/** The photo as a data:image/jpeg;base64 URL, downscaled; rejects when the browser cannot decode it. */
export async function downscaleToJpeg(file: Blob, maxSide = MAX_SIDE, quality = JPEG_QUALITY): Promise<{ dataUrl: string; width: number; height: number }> {
  const img = await loadImage(file);
  const { width, height } = fitWithin(img.naturalWidth, img.naturalHeight, maxSide);
  if (!width || !height) throw new Error('image.decode');
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('image.canvas');
  // A transparent PNG would turn black in a JPEG.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(img, 0, 0, width, height);
  return { dataUrl: canvas.toDataURL('image/jpeg', quality), width, height };
}

/** Copies text to the clipboard; falls back to a hidden textarea where the Clipboard API is missing. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch { /* fall back */ }
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.appendChild(ta);
  ta.select();
  let ok = false;
  try { ok = document.execCommand('copy'); } catch { ok = false; }
  document.body.removeChild(ta);
  return ok;
}
