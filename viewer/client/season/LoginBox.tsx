// The team token box: the token stays in this tab (sessionStorage) and is checked against /me. Signed in,
// a team sees its own logs on its page and gets its own debug output in its matches where the server sends it.
import { useEffect, useState } from 'react';
import { fetchMe } from './api.js';
import { getToken, setToken } from './token.js';
import type { Me } from './types.js';

/** Who is signed in in this tab, shared by the views through a tiny store. */
let current: Me | null = null;
const listeners = new Set<(me: Me | null) => void>();
function publish(me: Me | null): void {
  current = me;
  for (const l of listeners) l(me);
}

export function useMe(): Me | null {
  const [me, setMe] = useState<Me | null>(current);
  useEffect(() => {
    listeners.add(setMe);
    if (current === null && getToken() !== null) fetchMe().then(publish, () => undefined);
    return () => void listeners.delete(setMe);
  }, []);
  return me;
}

export function LoginBox() {
  const me = useMe();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (me) {
    return (
      <span className="login" data-testid="login">
        signed in as <b data-testid="signed-in">{me.role === 'admin' ? 'admin' : me.team}</b>{' '}
        <button
          onClick={() => {
            setToken(null);
            publish(null);
          }}
        >
          sign out
        </button>
      </span>
    );
  }
  return (
    <form
      className="login"
      data-testid="login"
      onSubmit={(e) => {
        e.preventDefault();
        const t = draft.trim();
        if (!t) return;
        setToken(t);
        fetchMe().then(
          (m) => {
            setError(null);
            setDraft('');
            publish(m);
          },
          () => {
            setToken(null);
            setError('that token was not accepted');
          },
        );
      }}
    >
      <input type="password" placeholder="team token" autoComplete="off" value={draft} onChange={(e) => setDraft(e.target.value)} data-testid="token-input" />
      <button type="submit">sign in</button>
      {error && <span className="error-text"> {error}</span>}
    </form>
  );
}
