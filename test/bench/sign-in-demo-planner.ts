/** Signs in as the demo network's planner over HTTP, as a browser would; returns the session cookie. */
export async function signInDemoPlanner(url: string): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: 'POST',
    body: new URLSearchParams({ email: 'planner@demo.kiwanda', password: 'kiwanda-demo', redirectTo: '/' }),
    redirect: 'manual',
  });
  const cookie = response.headers.get('set-cookie');
  if (response.status !== 302 || !cookie) throw new Error(`planner sign-in failed: ${response.status}`);
  return cookie.split(';')[0];
}
