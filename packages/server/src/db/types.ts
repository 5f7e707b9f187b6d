/** Table types shared by SQLite and PostgreSQL. Times are ISO 8601 UTC strings (sortable); JSON is stored as text. */
import type { Generated } from 'kysely';

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: 'patient' | 'carer' | 'clinician';
  password_hash: string;
  patient_id: string | null;
  is_demo: number;
  created_at: string;
}
export interface PatientsTable {
  id: string;
  name: string;
  profile: string;
  is_demo: number;
  created_at: string;
}
export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}
export interface InvitationsTable {
  id: string;
  patient_id: string;
  code: string;
  role: 'clinician' | 'carer';
  created_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
}
export interface GrantsTable {
  id: string;
  patient_id: string;
  grantee_id: string;
  role: 'clinician' | 'carer';
  created_at: string;
  revoked_at: string | null;
}
export interface AuditTable {
  id: string;
  patient_id: string;
  actor_id: string;
  action: 'read' | 'export' | 'write';
  resource: string;
  at: string;
}
export interface EntriesTable {
  patient_id: string;
  id: string;
  kind: string;
  /** UTC instant of the entry's time field, for ordering and instant filters. */
  occurred_at: string;
  /** Local calendar date (the person's own offset) of the time field, for date filters. */
  local_date: string;
  data: string;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  recorded_by: string;
}
export interface EntryHistoryTable {
  patient_id: string;
  entry_id: string;
  version: number;
  op: 'create' | 'update' | 'delete' | 'restore';
  data: string;
  changed_at: string;
  changed_by: string;
}
export interface RecordingsTable {
  id: string;
  patient_id: string;
  filename: string;
  format: 'edf' | 'bdf' | 'accel-csv';
  size_bytes: number;
  sha256: string;
  uploaded_at: string;
  start_time: string | null;
  duration_sec: number | null;
  is_demo: number;
  job_status: 'queued' | 'running' | 'done' | 'failed' | null;
  job_error: string | null;
  job_finished_at: string | null;
  settings: string | null;
  result: string | null;
  events: string | null;
  /** JSON StoredSleepContext (recordings/sleep-context.ts); null before migration 003 or without one. */
  sleep_context: string | null;
  edited: number;
}
export interface MigrationSeq {
  id: Generated<number>;
}
export interface Database {
  users: UsersTable;
  patients: PatientsTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  grants: GrantsTable;
  audit_log: AuditTable;
  entries: EntriesTable;
  entry_history: EntryHistoryTable;
  recordings: RecordingsTable;
}
