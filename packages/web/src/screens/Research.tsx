// Research (clinicians): cohort batches scored with `myotrace batch`, their progress, and one batch's rows.
// Cohort rows are pseudonymous study recordings read from the batch results database, not patient diaries.
import { Fragment, useEffect } from 'react';
import { api } from '../api/client.js';
import type { BatchRow, BatchSummary } from '../api/types.js';
import { Card, ErrorNote, Loading, useAsync } from '../components/ui.js';
import { formatDateTime, formatNumber, getLocale, type MessageKey, t } from '../i18n/index.js';
import {
  anyActive,
  BATCH_STATES,
  batchProgress,
  formatCell,
  MISSING,
  ROW_COLUMNS,
  text,
  warningCodes,
} from '../research/model.js';
import { useSession } from '../session.js';
import './research.css';

/** Polling period while any batch still has queued or running recordings. */
const POLL_MS = 5000;
/** Failures listed per batch in the overview; the batch page lists all of them. */
const FAILURES_IN_LIST = 3;

export default function Research({ batchId }: { batchId?: string }) {
  const { me } = useSession();
  if (me?.user.role !== 'clinician') {
    return (
      <>
        <h1>{t('research.title')}</h1>
        <p className="note">{t('research.clinOnly')}</p>
      </>
    );
  }
  return batchId ? <BatchPage batchId={batchId} /> : <BatchList />;
}

/** Re-run `reload` every 5 s while `active`; stops by itself once everything has finished. */
function usePoll(active: boolean, reload: () => void) {
  useEffect(() => {
    if (!active) return;
    const h = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(h);
  }, [active, reload]);
}

function BatchList() {
  const list = useAsync(() => api.researchBatches().then((r) => r.batches), []);
  const batches = list.data ?? [];
  const active = anyActive(batches);
  usePoll(active, list.reload);
  return (
    <>
      <h1>{t('research.title')}</h1>
      <p className="muted">{t('research.intro')}</p>
      {list.loading && !list.data && <Loading />}
      {list.error && <ErrorNote error={list.error} retry={list.reload} />}
      {list.data && batches.length === 0 && (
        <div className="note" data-testid="research-empty">
          <p className="research-none">{t('research.none')}</p>
          <p>
            <EmptyHint />
          </p>
        </div>
      )}
      {batches.length > 0 && (
        <Card>
          <div className="chart">
            <table className="data research-batches" data-testid="research-batches">
              <caption>{t('research.batches')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('research.batch')}</th>
                  <th scope="col">{t('research.progressAndFailures')}</th>
                </tr>
              </thead>
              <tbody>
                {batches.map((b) => (
                  <tr key={b.batchId}>
                    <th scope="row">
                      <a href={`#/research/${encodeURIComponent(b.batchId)}`}>{b.name}</a>
                      <div className="research-meta">{formatDateTime(b.createdAt)}</div>
                      <div className="research-meta">
                        {t('research.settingsText', { hash: b.settingsHash.slice(0, 12), version: b.toolVersion })}
                      </div>
                    </th>
                    <td>
                      <ProgressBar batch={b} />
                      {b.failures.length > 0 && <FailureList batch={b} limit={FAILURES_IN_LIST} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {active && <p className="hint">{t('research.polling')}</p>}
        </Card>
      )}
    </>
  );
}

/** The empty-state hint with the command set as code. */
function EmptyHint() {
  const [before, after = ''] = t('research.hint').split('{command}');
  return (
    <>
      {before}
      <code>npx myotrace batch FOLDER</code>
      {after}
    </>
  );
}

function BatchPage({ batchId }: { batchId: string }) {
  const q = useAsync(() => api.researchBatch(batchId), [batchId]);
  const status = q.data?.status;
  usePoll(status ? batchProgress(status).active : false, q.reload);
  return (
    <>
      <p>
        <a href="#/research">← {t('research.back')}</a>
      </p>
      <h1>{status?.name ?? t('research.title')}</h1>
      {q.loading && !q.data && <Loading />}
      {q.error && <ErrorNote error={q.error} retry={q.reload} />}
      {status && q.data && (
        <>
          <Card>
            <p className="research-meta research-card-meta">
              {t('research.settingsText', { hash: status.settingsHash.slice(0, 12), version: status.toolVersion })} ·{' '}
              {formatDateTime(status.createdAt)}
            </p>
            <ProgressBar batch={status} />
            {batchProgress(status).active && <p className="hint">{t('research.polling')}</p>}
          </Card>
          {status.failures.length > 0 && (
            <Card title={t('research.failuresOf', { n: status.failures.length })}>
              <FailureList batch={status} />
            </Card>
          )}
          <Card>
            {q.data.rows.length === 0 ? (
              <p className="muted">{t('research.noRows')}</p>
            ) : (
              <RowsTable name={status.name} rows={q.data.rows} />
            )}
            <p className="hint">{t('research.unitsNote')}</p>
          </Card>
        </>
      )}
    </>
  );
}

function ProgressBar({ batch }: { batch: BatchSummary }) {
  const p = batchProgress(batch);
  const summary = t('research.progressText', { ...p.counts, total: p.total });
  return (
    <div className="research-progress">
      <div
        className="research-bar"
        role="progressbar"
        aria-label={t('research.progressLabel', { name: batch.name })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={p.finishedPercent}
        aria-valuetext={`${t('research.finished', { pct: p.finishedPercent })}: ${summary}`}
      >
        {BATCH_STATES.map((s) =>
          p.segments[s] > 0 ? <span key={s} className={`seg-${s}`} style={{ width: `${p.segments[s]}%` }} /> : null,
        )}
      </div>
      <p className="research-progress-text">
        <strong>{t('research.finished', { pct: p.finishedPercent })}</strong>{' '}
        {BATCH_STATES.map((s, i) => (
          <Fragment key={s}>
            {i > 0 && ' · '}
            <span className="research-count">
              <span className={`swatch seg-${s}`} aria-hidden="true" />
              {formatNumber(p.counts[s], 0)} {t(`research.state.${s}` as MessageKey).toLowerCase()}
            </span>
          </Fragment>
        ))}{' '}
        <span className="research-count">{t('research.ofTotal', { total: p.total })}</span>
      </p>
    </div>
  );
}

function FailureList({ batch, limit }: { batch: BatchSummary; limit?: number }) {
  if (batch.failures.length === 0) return null;
  const shown = limit ? batch.failures.slice(0, limit) : batch.failures;
  const more = batch.failures.length - shown.length;
  return (
    <ul className="research-failures" aria-label={t('research.failuresOf', { n: batch.failures.length })}>
      {shown.map((f) => (
        <li key={f.id}>
          <code className="badge danger">{f.code}</code> <span className="research-failure-id">{f.id}</span>
          <div className="research-meta">{f.message}</div>
        </li>
      ))}
      {more > 0 && (
        <li>
          <a href={`#/research/${encodeURIComponent(batch.batchId)}`}>{t('research.moreFailures', { n: more })}</a>
        </li>
      )}
    </ul>
  );
}

function RowsTable({ name, rows }: { name: string; rows: BatchRow[] }) {
  const locale = getLocale();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the wide table scrolls sideways; keyboard users must reach it (WCAG 2.1.1)
    <section className="chart" tabIndex={0} aria-label={t('research.rows', { name })}>
      <table className="data research-rows" data-testid="research-rows">
        <caption>{t('research.rows', { name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('research.col.recordingAndWarnings')}</th>
            <th scope="col">{t('research.col.cohort')}</th>
            <th scope="col">{t('research.col.state')}</th>
            {ROW_COLUMNS.map((c) => (
              <th key={c.key} scope="col" className="num">
                {t(`research.col.${c.key}` as MessageKey)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const state = text(r, 'state') ?? 'queued';
            const code = text(r, 'error_code');
            const warnings = warningCodes(r);
            return (
              <tr key={text(r, 'recording_id') ?? ''}>
                <th scope="row" className="research-id">
                  {text(r, 'subject') ?? text(r, 'recording_id')}
                  {warnings.length > 0 && (
                    <span className="research-warnings">
                      <span className="sr-only">{t('research.col.warnings')}: </span>
                      {warnings.map((w) => (
                        <code key={w} className="research-code">
                          <Breakable code={w} />
                        </code>
                      ))}
                    </span>
                  )}
                </th>
                <td>{text(r, 'cohort') ?? MISSING}</td>
                <td>
                  <span className={`badge ${state === 'done' ? 'ok' : state === 'failed' ? 'danger' : 'warn'}`}>
                    {(BATCH_STATES as readonly string[]).includes(state)
                      ? t(`research.state.${state}` as MessageKey)
                      : state}
                  </span>
                  {code && (
                    <code className="research-code">
                      <Breakable code={code} />
                    </code>
                  )}
                </td>
                {ROW_COLUMNS.map((c) => (
                  <td key={c.key} className="num">
                    {formatCell(r, c.key, c.format, locale)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** Long codes (EDF_RECORD_COUNT_MISMATCH) may wrap after an underscore; <wbr> keeps copy-paste exact. */
function Breakable({ code }: { code: string }) {
  const parts = code.split('_');
  return (
    <>
      {parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one constant code never reorder
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              _<wbr />
            </>
          )}
        </Fragment>
      ))}
    </>
  );
}
