// Body map of the fixed body sites: a front-view figure (the person's left is on the viewer's right, as a
// clinician faces them) to tap, plus the same choices as labelled chips (keyboard and screen readers use these;
// eyes, palate/ear click and whole body are too small or abstract for the figure).
import { BODY_SITES, type BodySite } from '../domain.js';
import { label, t } from '../i18n/index.js';
import { ChipGroup } from './ui.js';

interface Part { site: BodySite; d: string }
// Simple shapes on a 200×400 canvas.
const PARTS: Part[] = [
  { site: 'face', d: 'M80 20 a20 24 0 1 0 40 0 a20 24 0 1 0 -40 0 Z' },
  { site: 'neck', d: 'M90 66 h20 v16 h-20 Z' },
  { site: 'trunk', d: 'M64 84 h72 l6 120 h-84 Z' },
  { site: 'arm-right', d: 'M62 86 l-20 4 -14 108 h16 l16 -80 Z' },
  { site: 'arm-left', d: 'M138 86 l20 4 14 108 h-16 l-16 -80 Z' },
  { site: 'hand-right', d: 'M26 200 h20 l2 26 h-24 Z' },
  { site: 'hand-left', d: 'M154 200 h20 l2 26 h-24 Z' },
  { site: 'leg-right', d: 'M58 206 h40 l-6 150 h-24 Z' },
  { site: 'leg-left', d: 'M102 206 h40 l-10 150 h-24 Z' },
  { site: 'foot-right', d: 'M64 358 h28 v14 h-36 Z' },
  { site: 'foot-left', d: 'M108 358 h28 l8 14 h-36 Z' },
];
const CHIP_ONLY: BodySite[] = ['eyes', 'palate-ear-click', 'whole-body'];

export function BodyMap({ value, onChange }: { value: BodySite[]; onChange: (v: BodySite[]) => void }) {
  const toggle = (s: BodySite) => onChange(value.includes(s) ? value.filter((x) => x !== s) : [...value, s]);
  return (
    <fieldset>
      <legend>{t('detail.bodySite')}</legend>
      <div className="bodymap">
        {/* The figure is a pointer shortcut; the chips beside it are the accessible control (same state). */}
        <svg viewBox="0 0 200 380" aria-hidden="true">
          {PARTS.map((p) => {
            const on = value.includes(p.site) || value.includes('whole-body');
            return (
              <path key={p.site} d={p.d} className={on ? 'part on' : 'part'} onClick={() => toggle(p.site)}>
                <title>{label('site', p.site)}</title>
              </path>
            );
          })}
        </svg>
        <ChipGroup legend={t('detail.bodySiteList')} options={[...CHIP_ONLY, ...BODY_SITES.filter((s) => !CHIP_ONLY.includes(s))]} value={value} onChange={onChange} labelOf={(s) => label('site', s)} />
      </div>
    </fieldset>
  );
}
