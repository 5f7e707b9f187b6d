import { z } from 'zod';
import { Relation, Role, Uuid } from './common.js';

export const RegisterBody = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(10, 'at least 10 characters').max(200),
  name: z.string().trim().min(1).max(120),
  role: Role,
});
export type RegisterBody = z.infer<typeof RegisterBody>;
export const LoginBody = z.object({ email: z.string().trim().toLowerCase().max(254), password: z.string().max(200) });
export type LoginBody = z.infer<typeof LoginBody>;

export const User = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  patientId: z.string().nullable(),
  isDemo: z.boolean(),
});
export type User = z.infer<typeof User>;
export const PatientRef = z.object({ id: z.string(), name: z.string(), relation: Relation, isDemo: z.boolean() });
export type PatientRef = z.infer<typeof PatientRef>;
export const AuthResponse = z.object({ user: User, csrfToken: z.string() });
export const MeResponse = z.object({ user: User, csrfToken: z.string(), patients: z.array(PatientRef) });
export type MeResponse = z.infer<typeof MeResponse>;

export const PatientProfile = z.object({
  birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  sex: z.enum(['female', 'male', 'other']).nullable().optional(),
  pregnancyPossible: z.boolean().nullable().optional(),
  pregnant: z.boolean().nullable().optional(),
  conditions: z.array(z.string().max(200)).max(50).optional(),
});
export type PatientProfile = z.infer<typeof PatientProfile>;
export const Patient = z.object({ id: z.string(), name: z.string(), isDemo: z.boolean(), profile: PatientProfile, createdAt: z.string() });
export type Patient = z.infer<typeof Patient>;
export const PatchPatientBody = z.object({ name: z.string().trim().min(1).max(120).optional(), profile: PatientProfile.optional() });
export const PatientSummary = PatientRef.extend({
  episodesLast7Days: z.number(),
  episodesPrev7Days: z.number(),
  latestPlmsIndex: z.number().nullable(),
  latestRecordingAt: z.string().nullable(),
  adherence30d: z.number().nullable(),
  openAlerts: z.number(),
});
export type PatientSummary = z.infer<typeof PatientSummary>;

export const GrantRole = z.enum(['clinician', 'carer']);
export const InvitationBody = z.object({ role: GrantRole });
export const Invitation = z.object({
  id: z.string(),
  code: z.string(),
  role: GrantRole,
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
});
export type Invitation = z.infer<typeof Invitation>;
export const AcceptInvitationBody = z.object({ code: z.string().trim().min(4).max(20) });
export const Grant = z.object({
  id: z.string(),
  patientId: z.string(),
  granteeId: z.string(),
  granteeName: z.string(),
  granteeEmail: z.string(),
  role: GrantRole,
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type Grant = z.infer<typeof Grant>;
export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  actorRole: Role,
  action: z.enum(['read', 'export', 'write']),
  resource: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const GrantParams = z.object({ pid: Uuid, gid: Uuid });
