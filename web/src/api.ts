import { createJobteamClient, type JobteamClient, type ProblemDetails } from '../../client/src';

/**
 * The signed-in session lives in memory only: no token or personal data in localStorage, cookies or URLs.
 * A reload asks for the password again; the offline queue (IndexedDB) keeps what was not sent yet.
 */
export interface Me {
  id: string;
  name: string;
  email: string;
  roles: string[];
  permissions: string[];
  teamId: string | null;
  organisation: { id: string; name: string; professionalSecrecy: boolean };
}

export interface Session {
  api: JobteamClient;
  me: Me;
  /** For downloads and images, which the typed client does not fetch. */
  token: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<ProblemDetails> | undefined,
  ) {
    super(problem?.detail ?? `HTTP ${status}`);
  }
}

const origin = () => globalThis.location.origin;

/** The typed client's answer, or an ApiError with the problem+json the API sent. */
export function unwrap<T>(res: { data?: unknown; error?: unknown; response: Response }): T {
  if (!res.response.ok) throw new ApiError(res.response.status, res.error as Partial<ProblemDetails>);
  return res.data as T;
}

export async function login(email: string, password: string): Promise<Session> {
  const anonymous = createJobteamClient(origin());
  const { accessToken } = unwrap<{ accessToken: string }>(
    await anonymous.POST('/auth/login', { body: { email, password } }),
  );
  const api = createJobteamClient(origin(), accessToken);
  const me = unwrap<Me>(await api.GET('/auth/me'));
  return { api, me, token: accessToken };
}

export const can = (s: Session, permission: string) => s.me.permissions.includes(permission);

/** Staff names by id, fetched once per id per session (case-manager history, contact authors). */
const names = new Map<string, Promise<string>>();
export function staffName(s: Session, id: string | null | undefined): Promise<string> {
  if (!id) return Promise.resolve('–');
  if (!names.has(id))
    names.set(
      id,
      s.api
        .GET('/staff/{id}', { params: { path: { id } } })
        .then((r) =>
          r.response.ok ? ((r.data as unknown as { name?: string }).name ?? id.slice(0, 8)) : id.slice(0, 8),
        )
        .catch(() => id.slice(0, 8)),
    );
  return names.get(id)!;
}
export const forgetNames = () => names.clear();

/** A file download with the bearer token (an <a href> cannot carry it), saved under the API's file name. */
export async function download(s: Session, path: string, fallbackName: string, lang: string): Promise<Blob> {
  const res = await fetch(path, { headers: { authorization: `Bearer ${s.token}`, 'accept-language': lang } });
  if (!res.ok) throw new ApiError(res.status, (await res.json().catch(() => undefined)) as ProblemDetails);
  const blob = await res.blob();
  const name =
    /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return blob;
}
