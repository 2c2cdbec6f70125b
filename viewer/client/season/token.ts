// The team token lives in this tab only (sessionStorage): closing the tab forgets it, and no other
// site or tab sees it. It is sent as a Bearer header, never in a URL.
const KEY = 'matchday.token';

export function getToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string | null): void {
  try {
    if (token === null) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, token);
  } catch {
    /* storage refused (private mode): the token lasts as long as the page */
  }
}
