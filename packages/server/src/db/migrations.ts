/**
 * The one migration set for SQLite and PostgreSQL. Only portable column types are used (text, integer, bigint,
 * double precision); JSON lives in text columns so both dialects read it the same way.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';

const m001: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('patients')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('profile', 'text', (c) => c.notNull())
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('patient_id', 'text', (c) => c.references('patients.id'))
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('invitations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('accepted_at', 'text')
      .addColumn('accepted_by', 'text')
      .execute();
    await db.schema
      .createTable('grants')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('patient_id', 'text', (c) => c.notNull().references('patients.id'))
      .addColumn('grantee_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createIndex('grants_grantee').on('grants').columns(['grantee_id', 'patient_id']).execute();
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('patient_id', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('resource', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_patient_at').on('audit_log').columns(['patient_id', 'at']).execute();
    await db.schema
      .createTable('entries')
      .addColumn('patient_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('local_date', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('entries_pk', ['patient_id', 'id'])
      .execute();
    await db.schema.createIndex('entries_kind_date').on('entries').columns(['patient_id', 'kind', 'local_date']).execute();
    await db.schema
      .createTable('entry_history')
      .addColumn('patient_id', 'text', (c) => c.notNull())
      .addColumn('entry_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('op', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .addColumn('changed_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('entry_history_pk', ['patient_id', 'entry_id', 'version'])
      .execute();
    await db.schema
      .createTable('recordings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('patient_id', 'text', (c) => c.notNull())
      .addColumn('filename', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('size_bytes', 'double precision', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('uploaded_at', 'text', (c) => c.notNull())
      .addColumn('start_time', 'text')
      .addColumn('duration_sec', 'double precision')
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('job_status', 'text')
      .addColumn('job_error', 'text')
      .addColumn('job_finished_at', 'text')
      .addColumn('settings', 'text')
      .addColumn('result', 'text')
      .addColumn('events', 'text')
      .addColumn('edited', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('recordings_patient').on('recordings').columns(['patient_id', 'uploaded_at']).execute();
    void sql;
  },
};

const m002: Migration = {
  async up(db: Kysely<unknown>) {
    // covering index for the diary fingerprint (count, last change) that keys the insights cache
    await db.schema.createIndex('entries_patient_updated').on('entries').columns(['patient_id', 'updated_at', 'version']).execute();
  },
};

const m003: Migration = {
  async up(db: Kysely<unknown>) {
    // sleep context of a scored recording (JSON, see recordings/sleep-context.ts); null on older rows
    await db.schema.alterTable('recordings').addColumn('sleep_context', 'text').execute();
  },
};

class InlineProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return { '001_initial': m001, '002_entries_updated_index': m002, '003_recordings_sleep_context': m003 };
  }
}

export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider: new InlineProvider() });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
