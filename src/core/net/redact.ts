/** URLs in logs and errors lose their userinfo and query string, where tokens usually travel. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    const hadQuery = u.search !== '';
    u.username = '';
    u.password = '';
    u.search = '';
    u.hash = '';
    return hadQuery ? `${u.href}?…` : u.href;
  } catch {
    return url.replace(/\/\/[^/@]*@/, '//').replace(/\?.*$/, '?…');
  }
}
