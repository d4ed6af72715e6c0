/** Scheme, host and port of a URL, or `null` for `null`/unparsable input. Decides where keys go. */
export function urlOrigin(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** `url` without `user:password@`, safe to report; unparsable input is returned as is. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return url;
  }
}

/** The host part (`models.aihorde.net`, `127.0.0.1:8080`) of a URL, for messages. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
