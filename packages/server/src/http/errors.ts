import { MyoTraceError, type MyoTraceErrorOptions } from '@myotrace/errors';

/** A MyoTraceError that also carries the HTTP status the edge maps it to. */
export class ApiError extends MyoTraceError {
  readonly status: number;
  readonly extra: Record<string, unknown> | undefined;
  constructor(status: number, code: string, message: string, options: MyoTraceErrorOptions & { extra?: Record<string, unknown> } = {}) {
    super(code, message, options);
    this.status = status;
    this.extra = options.extra;
  }
}

export const notFound = (what = 'resource') => new ApiError(404, 'API_NOT_FOUND', `${what} not found`);
export const forbidden = () => new ApiError(403, 'API_FORBIDDEN', 'you do not have access to this');
export const unauthenticated = () => new ApiError(401, 'API_UNAUTHENTICATED', 'sign in first');
export const conflict = (message: string, extra?: Record<string, unknown>) => new ApiError(409, 'API_CONFLICT', message, { extra });
export const badRequest = (message: string, field?: string) => new ApiError(400, 'API_VALIDATION', message, { field });
