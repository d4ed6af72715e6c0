// Query parameters that carry credentials: their values never reach a report or a message.
const SECRET_PARAM = /token|key|sig|secret|pass|auth|cred|session/i;

/**
 * A URL fit for reports and messages: no user info, and the values of token-like query
 * parameters (`token`, `api_key`, `X-Amz-Signature`, ...) replaced by `***`. Text that is not a
 * URL is returned as `<invalid URL>`.
 *
 * @example
 * ```ts
 * redactUrl('https://u:p@civitai.com/api/download/models/1?token=abc&type=Model');
 * // 'https://civitai.com/api/download/models/1?token=***&type=Model'
 * ```
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '<invalid URL>';
  }
  parsed.username = '';
  parsed.password = '';
  for (const key of [...parsed.searchParams.keys()])
    if (SECRET_PARAM.test(key)) parsed.searchParams.set(key, '***');
  return parsed.href.replace(/=\*\*\*/g, '=***').replace(/%2A%2A%2A/g, '***');
}
