// The optional details of a jerk episode as chips; every change is saved at once (local first).
import { BodyMap } from '../components/BodyMap.js';
import { ChipGroup, Field } from '../components/ui.js';
import { CONTEXTS, type EpisodeInput, IMPACTS, POLARITIES, SEVERITIES, TRIGGERS } from '../domain.js';
import { isoWithOffset as isoLocal, label, t } from '../i18n/index.js';

export function EpisodeDetails({ value, onChange, showTime = false }: { value: EpisodeInput; onChange: (e: EpisodeInput) => void; showTime?: boolean }) {
  const set = (patch: Partial<EpisodeInput>) => onChange({ ...value, ...patch });
  return (
    <div className="episode-details">
      {showTime && (
        <div className="form-grid">
          <Field label={t('detail.time')}>
            {(id) => <input id={id} type="datetime-local" value={toLocalInput(value.startAt)} onChange={(e) => e.target.value && set({ startAt: fromLocalInput(e.target.value) })} />}
          </Field>
          <Field label={t('detail.count')}>
            {(id) => <input id={id} type="number" min={1} max={10000} inputMode="numeric" value={value.count ?? 1} onChange={(e) => set({ count: Math.max(1, Number(e.target.value) || 1) })} />}
          </Field>
        </div>
      )}
      <BodyMap value={value.bodySites} onChange={(bodySites) => set({ bodySites })} />
      <ChipGroup legend={t('detail.polarity')} options={POLARITIES} value={[value.polarity]} multiple={false}
        onChange={(v) => set({ polarity: v[0] ?? 'unsure' })} labelOf={(v) => label('polarity', v)} />
      <ChipGroup legend={t('detail.context')} options={CONTEXTS} value={value.context ? [value.context] : []} multiple={false}
        onChange={(v) => set({ context: v[0] ?? null })} labelOf={(v) => label('context', v)} />
      <ChipGroup legend={t('detail.triggers')} options={TRIGGERS} value={value.triggers} onChange={(triggers) => set({ triggers })} labelOf={(v) => label('trigger', v)} />
      <ChipGroup legend={t('detail.severity')} options={SEVERITIES} value={value.severity == null ? [] : [value.severity as (typeof SEVERITIES)[number]]} multiple={false}
        onChange={(v) => set({ severity: v[0] ?? null })} labelOf={(v) => label('severity', v)} />
      <ChipGroup legend={t('detail.impact')} options={IMPACTS} value={value.impact} onChange={(impact) => set({ impact })} labelOf={(v) => label('impact', v)} />
      <Field label={t('detail.notes')}>
        {(id) => <textarea id={id} value={value.notes ?? ''} maxLength={2000} onChange={(e) => set({ notes: e.target.value || null })} />}
      </Field>
    </div>
  );
}

function pad(n: number) { return String(n).padStart(2, '0'); }
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
export function fromLocalInput(v: string): string {
  // datetime-local is local wall-clock; keep the local offset of that moment.
  return isoLocal(new Date(v));
}
