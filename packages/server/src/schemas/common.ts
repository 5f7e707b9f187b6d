/**
 * Shared primitives of the HTTP API. Isomorphic: this folder imports only zod, so the web client can use the same
 * schemas (`@myotrace/server/schemas`).
 */
import { z } from 'zod';

/** ISO 8601 instant with an explicit offset or Z; the offset is kept as sent (the person's local offset). */
export const Instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/, 'an ISO 8601 time with offset, e.g. 2026-11-24T07:15:00+01:00')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date and time');
export const DateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a real date');
export const Uuid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'a UUID');

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Role = z.enum(['patient', 'carer', 'clinician']);
export type Role = z.infer<typeof Role>;
export const Relation = z.enum(['self', 'carer', 'clinician']);
export type Relation = z.infer<typeof Relation>;

export const Actor = z.object({ id: z.string(), name: z.string(), role: Role });
export type Actor = z.infer<typeof Actor>;

export const PatientIdParams = z.object({ pid: Uuid });
