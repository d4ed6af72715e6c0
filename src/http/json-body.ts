import { MalformedResponseError } from '../errors/malformed-response-error.js';
import type { HttpResponse } from './transport.js';

/**
 * The JSON of a successful answer.
 *
 * @throws {MalformedResponseError} when the body is not JSON (a truncated body, plain text).
 */
export function parseJsonBody(response: HttpResponse): unknown {
  try {
    return JSON.parse(response.text);
  } catch (error) {
    throw new MalformedResponseError(
      {
        method: response.method,
        url: response.url,
        reason: `a body that is not JSON (not valid JSON: ${(error as Error).message})`,
      },
      { cause: error },
    );
  }
}
