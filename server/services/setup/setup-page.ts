import { type FieldIssue } from '../../domain/errors';
import { type SetupSnapshot } from './setup-status';

/**
 * The pages a starting Kiwanda shows before its app is ready: "preparing the demo network" with
 * its progress, and the first-run choice. Plain server-rendered HTML: they are served before the
 * Remix app and the database are ready, and read without JavaScript (the preparing page
 * refreshes itself every two seconds).
 */
const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string,
  );

const STYLE = `
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; background: #f6f4ef; color: #1f2328; }
  header { background: #1f3d36; color: #fff; padding: 0.9rem 1.5rem; font-weight: 700; font-size: 1.15rem; }
  main { max-width: 46rem; margin: 2.5rem auto; padding: 0 1.25rem; }
  h1 { font-size: 1.6rem; margin: 0 0 0.5rem; }
  p { line-height: 1.5; }
  .panel { background: #fff; border: 1px solid #d9d4c7; border-radius: 8px; padding: 1.25rem 1.5rem; margin: 1.25rem 0; }
  progress { width: 100%; height: 1.1rem; accent-color: #2f6f5e; }
  .phase { font-weight: 600; }
  .muted { color: #57606a; font-size: 0.95rem; }
  label { display: block; font-weight: 600; margin: 0.8rem 0 0.25rem; }
  input { width: 100%; box-sizing: border-box; padding: 0.55rem; font-size: 1rem; border: 1px solid #b8b1a1; border-radius: 6px; }
  button { margin-top: 1rem; padding: 0.6rem 1.1rem; font-size: 1rem; border: 0; border-radius: 6px; background: #2f6f5e; color: #fff; cursor: pointer; }
  .choices { display: grid; grid-template-columns: 1fr 1fr; gap: 1.25rem; }
  .choices .panel { margin: 0; }
  .error { color: #a40e26; font-weight: 600; }
  [role=alert] { background: #ffebe9; border: 1px solid #ff8182; padding: 0.75rem 1rem; border-radius: 6px; }
  @media (max-width: 640px) { .choices { grid-template-columns: 1fr; } main { margin-top: 1.25rem; } }
`;

function layout({ title, body, refreshSeconds }: { title: string; body: string; refreshSeconds?: number }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${refreshSeconds ? `<meta http-equiv="refresh" content="${refreshSeconds}">` : ''}
<title>${escape(title)} · Kiwanda</title>
<style>${STYLE}</style>
</head>
<body>
<header>Kiwanda</header>
<main>
${body}
</main>
</body>
</html>`;
}

export function renderPreparingPage(snapshot: SetupSnapshot): string {
  if (snapshot.state === 'failed') {
    return layout({
      title: 'The demo network could not be loaded',
      body: `<h1>The demo network could not be loaded</h1>
<p role="alert" data-testid="setup-error">${escape(snapshot.error ?? 'unknown error')}</p>
<p class="muted">The server log has the details. Restart Kiwanda to try again.</p>`,
    });
  }
  const percent = Math.round((snapshot.progress?.fraction ?? 0) * 100);
  const phase =
    snapshot.state === 'starting' ? 'Starting: connecting the database' : (snapshot.progress?.label ?? 'Starting');
  const heading = snapshot.state === 'starting' ? 'Kiwanda is starting' : 'Preparing the demo network';
  return layout({
    title: heading,
    refreshSeconds: 2,
    body: `<h1>${heading}</h1>
<p>Every page opens as soon as it is ready; this page refreshes itself.</p>
<div class="panel" data-testid="setup-progress">
  <p class="phase" data-testid="setup-phase">${escape(phase)}</p>
  <progress max="100" value="${percent}" aria-label="Progress">${percent} %</progress>
  <p class="muted"><span data-testid="setup-percent">${percent}</span> % done</p>
</div>
<p class="muted">A workshop network of 400 workshops and 2,400 artisans with a year of orders, jobs,
inspections and payments, simulated up to now.</p>`,
  });
}

/** The first-run page: load the demo network, or create the first administrator. */
export function renderFirstRunPage({
  issues = [],
  message,
  values = {},
}: {
  issues?: FieldIssue[];
  message?: string;
  values?: { email?: string; name?: string };
} = {}): string {
  const issueFor = (field: string) => issues.find((issue) => issue.field === field)?.message;
  const field = ({
    name,
    label,
    type,
    autocomplete,
  }: {
    name: string;
    label: string;
    type: string;
    autocomplete: string;
  }) => {
    const problem = issueFor(name);
    const value = name === 'email' || name === 'name' ? (values[name] ?? '') : '';
    return `<label for="${name}">${label}</label>
<input id="${name}" name="${name}" type="${type}" autocomplete="${autocomplete}" required maxlength="200"
  value="${escape(value)}"${problem ? ` aria-invalid="true" aria-describedby="${name}-error"` : ''}>
${problem ? `<p class="error" id="${name}-error" data-testid="error-${name}">${escape(label)} ${escape(problem)}</p>` : ''}`;
  };
  return layout({
    title: 'Welcome',
    body: `<h1>Welcome to Kiwanda</h1>
<p>This install has no accounts yet. Choose how to begin.</p>
${message ? `<p role="alert" data-testid="setup-error">${escape(message)}</p>` : ''}
<div class="choices">
  <section class="panel">
    <h2>Look around with the demo network</h2>
    <p>Loads a made-up network of 400 workshops and 2,400 artisans in Nairobi, with demo accounts for
    every role listed on the sign-in page. Takes under a minute.</p>
    <form method="post" action="/first-run/demo">
      <button type="submit" data-testid="load-demo">Load the demo network</button>
    </form>
  </section>
  <section class="panel">
    <h2>Start your own network</h2>
    <p>Create the first administrator, who then adds workshops, artisans and everyone else.</p>
    <form method="post" action="/first-run/administrator" novalidate>
      ${field({ name: 'name', label: 'Name', type: 'text', autocomplete: 'name' })}
      ${field({ name: 'email', label: 'E-mail', type: 'email', autocomplete: 'email' })}
      ${field({ name: 'password', label: 'Password', type: 'password', autocomplete: 'new-password' })}
      ${field({ name: 'confirmPassword', label: 'Password again', type: 'password', autocomplete: 'new-password' })}
      <button type="submit" data-testid="create-administrator">Create the administrator</button>
    </form>
  </section>
</div>`,
  });
}
