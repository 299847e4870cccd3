/**
 * Errors cross the API boundary as data, never as stack traces. `message` is written for the
 * researcher (it may be shown as is); `code` is for code that reacts to the kind of failure.
 */
export type ApiErrorCode =
  | 'invalid_input' // the input failed the contract's schema
  | 'not_found' // an id that does not exist (any more)
  | 'conflict' // the request contradicts the current state (a duplicate, a stale version)
  | 'unsupported' // a file or an operation this build cannot handle
  | 'bad_file' // a file that cannot be read as what it claims to be
  | 'cancelled' // the user cancelled a long task
  | 'unavailable' // needs something not present here (a browser to print PDF, …)
  | 'forbidden' // the caller's role (team server) does not allow this
  | 'internal'; // a bug: the message says so and the details went to the log

export interface ApiErrorData {
  code: ApiErrorCode;
  message: string;
  /** Extra structured detail for the UI (e.g. which field failed validation). */
  details?: unknown;
}

export class ApiError extends Error implements ApiErrorData {
  readonly code: ApiErrorCode;
  readonly details?: unknown;
  constructor(code: ApiErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
  toJSON(): ApiErrorData {
    return { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) };
  }
  static from(data: ApiErrorData): ApiError {
    return new ApiError(data.code, data.message, data.details);
  }
}

export function isApiErrorData(x: unknown): x is ApiErrorData {
  return typeof x === 'object' && x !== null && typeof (x as ApiErrorData).code === 'string' && typeof (x as ApiErrorData).message === 'string';
}
