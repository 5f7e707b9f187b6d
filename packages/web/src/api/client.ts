// Typed routes of the MyoTrace API (docs/api.md).
import type { EpisodeInput } from '../domain.js';
import { request, setCsrfToken } from './http.js';
import type {
  AuditEntry, AuthResult, BatchDetail, BatchSummary, EventEdit, Grant, Indices, Insights, Invitation, ListResult, Me, PatientRef,
  PatientSummary, Recording, Role, ScoreResult, ScoredEvent,
} from './types.js';

export type DiaryKind = 'episodes' | 'medicines' | 'doses' | 'side-effects' | 'labs' | 'sleep' | 'exercise' | 'remedies' | 'ratings' | 'notes';

const enc = encodeURIComponent;
const p = (pid: string) => `/patients/${enc(pid)}`;

export const api = {
  async register(body: { email: string; password: string; name: string; role: Role }): Promise<AuthResult> {
    const r = await request<AuthResult>('/auth/register', { method: 'POST', body });
    setCsrfToken(r.csrfToken);
    return r;
  },
  async login(body: { email: string; password: string }): Promise<AuthResult> {
    const r = await request<AuthResult>('/auth/login', { method: 'POST', body });
    setCsrfToken(r.csrfToken);
    return r;
  },
  async logout(): Promise<void> {
    await request<void>('/auth/logout', { method: 'POST' });
    setCsrfToken(null);
  },
  async me(): Promise<Me> {
    const r = await request<Me>('/auth/me');
    setCsrfToken(r.csrfToken);
    return r;
  },

  patients: () => request<ListResult<PatientSummary>>('/patients'),
  invite: (pid: string, role: 'clinician' | 'carer') => request<Invitation>(`${p(pid)}/invitations`, { method: 'POST', body: { role } }),
  invitations: (pid: string) => request<ListResult<Invitation>>(`${p(pid)}/invitations`),
  acceptInvitation: (code: string) => request<{ grant: Grant; patient: PatientRef }>('/invitations/accept', { method: 'POST', body: { code } }),
  grants: (pid: string) => request<ListResult<Grant>>(`${p(pid)}/grants`),
  revoke: (pid: string, gid: string) => request<Grant>(`${p(pid)}/grants/${enc(gid)}`, { method: 'DELETE' }),
  audit: (pid: string, limit = 100) => request<ListResult<AuditEntry>>(`${p(pid)}/audit`, { query: { limit } }),

  list: <T>(pid: string, kind: DiaryKind, query: { from?: string; to?: string; includeDeleted?: string; limit?: number } = {}) =>
    request<ListResult<T>>(`${p(pid)}/${kind}`, { query }),
  create: <T>(pid: string, kind: DiaryKind, body: { id: string }) => request<T>(`${p(pid)}/${kind}`, { method: 'POST', body }),
  update: <T>(pid: string, kind: DiaryKind, id: string, body: object) => request<T>(`${p(pid)}/${kind}/${enc(id)}`, { method: 'PUT', body }),
  remove: <T>(pid: string, kind: DiaryKind, id: string) => request<T>(`${p(pid)}/${kind}/${enc(id)}`, { method: 'DELETE' }),
  restore: <T>(pid: string, kind: DiaryKind, id: string) => request<T>(`${p(pid)}/${kind}/${enc(id)}/restore`, { method: 'POST' }),
  createEpisode: (pid: string, e: EpisodeInput) => request<EpisodeInput>(`${p(pid)}/episodes`, { method: 'POST', body: e }),

  insights: (pid: string, from?: string, to?: string) => request<Insights>(`${p(pid)}/insights`, { query: { from, to } }),

  recordings: (pid: string) => request<ListResult<Recording>>(`${p(pid)}/recordings`),
  recording: (pid: string, rid: string) => request<Recording & { result: ScoreResult | null }>(`${p(pid)}/recordings/${enc(rid)}`),
  events: (pid: string, rid: string) => request<{ events: ScoredEvent[]; indices: Indices; edited: boolean }>(`${p(pid)}/recordings/${enc(rid)}/events`),
  editEvents: (pid: string, rid: string, edits: EventEdit[]) =>
    request<{ events: ScoredEvent[]; indices: Indices }>(`${p(pid)}/recordings/${enc(rid)}/events/edits`, { method: 'POST', body: { edits } }),
  fileUrl: (pid: string, rid: string) => `/api/v1${p(pid)}/recordings/${enc(rid)}/file`,
  annotationsUrl: (pid: string, rid: string) => `/api/v1${p(pid)}/recordings/${enc(rid)}/annotations.edf`,
  reportUrl: (pid: string, from: string, to: string) => `/api/v1${p(pid)}/report.pdf?from=${enc(from)}&to=${enc(to)}`,
  csvUrl: (pid: string, kind: string, from: string, to: string) => `/api/v1${p(pid)}/export.csv?kind=${enc(kind)}&from=${enc(from)}&to=${enc(to)}`,
  researchBatches: () => request<{ batches: BatchSummary[] }>('/research/batches'),
  researchBatch: (batchId: string) => request<BatchDetail>(`/research/batches/${enc(batchId)}`),
  fhirUrl: (pid: string, from: string, to: string) => `/api/v1${p(pid)}/fhir?from=${enc(from)}&to=${enc(to)}`,
};

/** Upload with progress (XMLHttpRequest: fetch has no upload progress). */
export function uploadRecording(pid: string, file: File, csrf: string | null, onProgress: (fraction: number) => void): Promise<Recording> {
  const lower = file.name.toLowerCase();
  const format = lower.endsWith('.bdf') ? 'bdf' : lower.endsWith('.csv') ? 'accel-csv' : 'edf';
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${p(pid)}/recordings?filename=${enc(file.name)}&format=${format}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as Recording);
      else {
        let msg = xhr.statusText;
        try { msg = (JSON.parse(xhr.responseText) as { error: { message: string } }).error.message; } catch { /* keep status text */ }
        reject(new Error(msg));
      }
    };
    xhr.onerror = () => reject(new Error('network error'));
    xhr.send(file);
  });
}
