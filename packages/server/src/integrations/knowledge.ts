/**
 * Adapter from @myotrace/knowledge's `checkMedications` to the API's safety alerts. Loaded lazily: without the
 * function the server reports no alerts rather than failing.
 */
import type { SafetyChecker } from '../insights/safety.js';
import type { SafetyAlert } from '../schemas/insights.js';

export async function knowledgeSafetyChecker(): Promise<SafetyChecker> {
  let kb: Record<string, unknown> | null = null;
  try {
    kb = (await import(/* @vite-ignore */ '@myotrace/knowledge')) as Record<string, unknown>;
  } catch {
    kb = null;
  }
  const check = kb?.checkMedications as ((profile: unknown, medicines: unknown, diary?: unknown) => unknown) | undefined;
  if (!check) return async () => [];
  return async (profile, medicines, labs) => {
    const out = (await check(
      profile,
      medicines.map((m) => ({ id: m.kbId ?? null, name: m.name, strength: m.strength ?? null, startDate: m.startDate, stopDate: m.stopDate ?? null })),
      { labs },
    )) as unknown;
    const list = Array.isArray(out) ? out : ((out as { alerts?: unknown[] })?.alerts ?? []);
    return list.map((a, i): SafetyAlert => {
      const o = a as Record<string, unknown>;
      const sources = Array.isArray(o.sources) ? o.sources.map((s) => (typeof s === 'string' ? s : String((s as { id?: string; title?: string }).title ?? (s as { id?: string }).id ?? ''))) : [];
      const meds = Array.isArray(o.medicines) ? o.medicines.map(String) : Array.isArray(o.medicineIds) ? o.medicineIds.map(String) : [];
      return {
        id: String(o.id ?? o.ruleId ?? `alert-${i}`),
        severity: String(o.severity ?? o.level ?? 'info'),
        title: String(o.title ?? o.summary ?? o.id ?? 'Medication safety note'),
        message: String(o.message ?? o.text ?? o.detail ?? ''),
        medicines: meds,
        sources,
      };
    });
  };
}
