// Phone night recording: DeviceMotion samples kept in growing typed arrays, with a screen Wake Lock.
// Feature detection gives an honest reason when the browser does not allow it.

export interface MotionSupport { ok: boolean; reason: string | null; needsPermission: boolean }

export function motionSupport(): MotionSupport {
  if (typeof window === 'undefined' || !('DeviceMotionEvent' in window)) return { ok: false, reason: 'no DeviceMotion API', needsPermission: false };
  if (!window.isSecureContext) return { ok: false, reason: 'motion sensors need HTTPS', needsPermission: false };
  if (!('wakeLock' in navigator)) return { ok: false, reason: 'no Screen Wake Lock API, the phone would sleep', needsPermission: false };
  const needsPermission = typeof (DeviceMotionEvent as unknown as { requestPermission?: unknown }).requestPermission === 'function';
  return { ok: true, reason: null, needsPermission };
}

/** Samples as t (s since start) and acceleration magnitude components, in chunks to avoid reallocation. */
export class MotionRecorder {
  private chunks: Float32Array[] = [];
  private cur = new Float32Array(4 * 4096);
  private pos = 0;
  private t0 = 0;
  private lock: WakeLockSentinel | null = null;
  count = 0;
  private readonly onMotion = (e: DeviceMotionEvent) => {
    const a = e.accelerationIncludingGravity ?? e.acceleration;
    if (!a || a.x == null || a.y == null || a.z == null) return;
    if (this.pos === this.cur.length) { this.chunks.push(this.cur); this.cur = new Float32Array(this.cur.length); this.pos = 0; }
    this.cur[this.pos++] = (performance.now() - this.t0) / 1000;
    this.cur[this.pos++] = a.x;
    this.cur[this.pos++] = a.y;
    this.cur[this.pos++] = a.z;
    this.count++;
  };

  async start(): Promise<void> {
    const req = (DeviceMotionEvent as unknown as { requestPermission?: () => Promise<string> }).requestPermission;
    if (req && (await req()) !== 'granted') throw new Error('motion permission denied');
    this.lock = await navigator.wakeLock.request('screen');
    this.t0 = performance.now();
    window.addEventListener('devicemotion', this.onMotion);
  }

  async stop(): Promise<{ t: Float32Array; x: Float32Array; y: Float32Array; z: Float32Array }> {
    window.removeEventListener('devicemotion', this.onMotion);
    await this.lock?.release().catch(() => undefined);
    const all = [...this.chunks, this.cur.subarray(0, this.pos)];
    const n = all.reduce((s, c) => s + c.length / 4, 0);
    const t = new Float32Array(n); const x = new Float32Array(n); const y = new Float32Array(n); const z = new Float32Array(n);
    let k = 0;
    for (const c of all) for (let i = 0; i < c.length; i += 4) { t[k] = c[i]; x[k] = c[i + 1]; y[k] = c[i + 2]; z[k] = c[i + 3]; k++; }
    return { t, x, y, z };
  }

  elapsedSec(): number { return this.t0 ? (performance.now() - this.t0) / 1000 : 0; }
}
