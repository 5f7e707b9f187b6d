/**
 * The one authorisation policy: pure, deny by default. Every route names an action; the caller computes the
 * relation of the signed-in user to the patient (revoked grants give 'none').
 */
export type Relation = 'owner' | 'carer' | 'clinician' | 'none';
export type Action =
  | 'patient.read'
  | 'patient.update'
  | 'diary.read'
  | 'diary.write'
  | 'clinical.write'
  | 'insights.read'
  | 'report.read'
  | 'recording.read'
  | 'recording.upload'
  | 'recording.edit'
  | 'sharing.manage'
  | 'audit.read'
  | 'fhir.import';

const ALLOW: Readonly<Record<Relation, ReadonlySet<Action>>> = {
  owner: new Set<Action>([
    'patient.read', 'patient.update', 'diary.read', 'diary.write', 'insights.read', 'report.read', 'recording.read',
    'recording.upload', 'recording.edit', 'sharing.manage', 'audit.read', 'fhir.import',
  ]),
  carer: new Set<Action>(['patient.read', 'diary.read', 'diary.write', 'insights.read', 'report.read', 'recording.read', 'recording.upload']),
  clinician: new Set<Action>([
    'patient.read', 'diary.read', 'clinical.write', 'insights.read', 'report.read', 'recording.read', 'recording.upload', 'recording.edit',
  ]),
  none: new Set<Action>(),
};

/** Actions that concern no single patient, allowed by account role (deny by default). */
export type RoleAction = 'research.read';
const ROLE_ALLOW: Readonly<Record<'patient' | 'carer' | 'clinician', ReadonlySet<RoleAction>>> = {
  patient: new Set<RoleAction>(),
  carer: new Set<RoleAction>(),
  clinician: new Set<RoleAction>(['research.read']),
};

export function isAllowedForRole(role: 'patient' | 'carer' | 'clinician', action: RoleAction): boolean {
  return ROLE_ALLOW[role]?.has(action) ?? false;
}

export function isAllowed(relation: Relation, action: Action): boolean {
  return ALLOW[relation]?.has(action) ?? false;
}

/** Reads of a patient's data by someone other than the patient are written to the audit log the patient sees. */
export function isAudited(relation: Relation, action: Action): boolean {
  if (relation !== 'clinician' && relation !== 'carer') return false;
  return action.endsWith('.read');
}

export interface GrantLike {
  role: 'clinician' | 'carer';
  revokedAt: string | null;
}
/** Relation of a user to a patient from their own patient id and their grants for that patient. */
export function relationOf(
  user: { role: 'patient' | 'carer' | 'clinician'; patientId: string | null },
  patientId: string,
  grants: readonly GrantLike[],
): Relation {
  if (user.role === 'patient' && user.patientId === patientId) return 'owner';
  // a grant only counts for the role it was given to and while not revoked
  for (const g of grants) if (g.revokedAt === null && g.role === user.role) return g.role;
  return 'none';
}
