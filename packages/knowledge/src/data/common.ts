/** Date the entries were last checked against their sources. Bump per entry when it is re-reviewed. */
export const REVIEWED = '2026-11-24';
