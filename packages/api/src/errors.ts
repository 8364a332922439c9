import type { ContentfulStatusCode } from "hono/utils/http-status";

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503;

/** The one error type of the API; `app.onError` turns it into the one JSON error shape. */
export class ApiError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface ErrorBody {
  readonly error: {
    readonly status: number;
    readonly code: string;
    readonly message: string;
    readonly details?: unknown;
  };
}

export function errorBody(status: ContentfulStatusCode, code: string, message: string, details?: unknown): ErrorBody {
  return { error: { status, code, message, ...(details === undefined ? {} : { details }) } };
}

export const notFound = (what: string) => new ApiError(404, "not_found", `${what} does not exist`);
