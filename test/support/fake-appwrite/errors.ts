/**
 * Appwrite's error types (app/config/errors.php) for the cases the stand-in produces. Bodies are
 * `{message, code, type, version}` as the server's error handler writes them.
 */
export const ERRORS = {
  general_unauthorized_scope: { code: 401, message: 'The current user or API key does not have the required scopes to access the requested resource.' },
  user_unauthorized: { code: 401, message: 'The current user is not authorized to perform the requested action.' },
  user_jwt_invalid: { code: 401, message: 'The JWT token is invalid. Please check the value of the X-Appwrite-JWT header to ensure the correct token is being used.' },
  user_jwt_and_cookie_set: { code: 403, message: 'Cannot use a JWT and a session cookie in the same request.' },
  project_key_expired: { code: 401, message: 'The project key has expired. Please generate a new key using the Appwrite console.' },
  project_not_found: { code: 404, message: 'Project with the requested ID could not be found. Please check the value of the X-Appwrite-Project header to ensure the correct project ID is being used.' },
  general_route_not_found: { code: 404, message: 'The requested route was not found. Please refer to the API docs and try again.' },
  general_rate_limit_exceeded: { code: 429, message: 'Rate limit for the current endpoint has been exceeded. Please try again after some time.' },
  general_query_invalid: { code: 400, message: "The query's syntax is invalid. Please check the query and try again." },
  general_cursor_not_found: { code: 400, message: 'The cursor is invalid. This can happen if the item represented by the cursor has been deleted.' },
  general_argument_invalid: { code: 400, message: 'The request contains one or more invalid arguments. Please refer to the endpoint documentation.' },
  general_unknown: { code: 500, message: 'There was an error processing your request. Please check the inputs and try again.' },
  general_service_disabled: { code: 503, message: 'The requested service is disabled. You can enable the service from the Appwrite console.' },
  database_not_found: { code: 404, message: 'Database not found' },
  function_not_found: { code: 404, message: 'Function with the requested ID could not be found.' },
  key_not_found: { code: 404, message: 'Key with the requested ID could not be found.' },
  document_not_found: { code: 404, message: 'Document with the requested ID could not be found.' },
} as const;

export type ErrorType = keyof typeof ERRORS;

export class FakeError extends Error {
  readonly type: ErrorType;
  readonly code: number;
  readonly headers: Record<string, string>;
  constructor(type: ErrorType, message?: string, headers: Record<string, string> = {}) {
    super(message ?? ERRORS[type].message);
    this.type = type;
    this.code = ERRORS[type].code;
    this.headers = headers;
  }
}
