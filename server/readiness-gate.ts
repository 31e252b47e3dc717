import express from 'express';

import { DomainError, ValidationError } from './domain/errors';
import { type Logger } from './logger';
import { renderFirstRunPage, renderPreparingPage } from './services/setup/setup-page';
import { type SetupSnapshot, type SetupStatus } from './services/setup/setup-status';
import { KIWANDA_VERSION } from './version';

export interface ReadinessGateOptions {
  status: SetupStatus;
  logger: Logger;
  /** On first run: true once the database holds accounts after all (`npm run seed` ran meanwhile). */
  accountsExist: () => Promise<boolean>;
  /** Starts loading the demo network (the person chose it on the first-run page). */
  loadDemo: () => void;
}

/** What /healthz says while Kiwanda is not ready: 503 while it cannot serve, 200 on first run (it serves its setup page). */
function healthBody(snapshot: SetupSnapshot) {
  return {
    status: snapshot.state,
    version: KIWANDA_VERSION,
    ...(snapshot.progress
      ? {
          progress: {
            phase: snapshot.progress.phase,
            label: snapshot.progress.label,
            fraction: snapshot.progress.fraction,
          },
        }
      : {}),
    ...(snapshot.error ? { error: snapshot.error } : {}),
  };
}

/**
 * Answers every request until Kiwanda is ready: the preparing page (with progress) while it
 * starts or loads the demo network, the first-run page on an empty database. Once ready it
 * steps aside and every request reaches the app. Mounted in front of the app at boot, so the
 * server can listen at once.
 */
export function createReadinessGate({ status, logger, accountsExist, loadDemo }: ReadinessGateOptions): express.Router {
  const gate = express.Router();
  const forms = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 20 });

  // Someone may load a network from the command line while the first-run page waits.
  gate.use(async (_req, _res, next) => {
    if (status.current().state === 'first-run' && (await accountsExist().catch(() => false))) status.ready();
    next();
  });

  gate.use((req, res, next) => {
    const snapshot = status.current();
    if (snapshot.state === 'ready') return next('router');
    res.setHeader('Cache-Control', 'no-store');
    if (req.path === '/healthz') {
      return res.status(snapshot.state === 'first-run' ? 200 : 503).json(healthBody(snapshot));
    }
    if (snapshot.state === 'first-run') return next();
    res.setHeader('Retry-After', '2');
    if (req.accepts(['html', 'json']) === 'json') return res.status(503).json(healthBody(snapshot));
    return res.status(503).type('html').send(renderPreparingPage(snapshot));
  });

  // First run only from here on. A form posted from another site is refused.
  gate.post('/first-run/*', (req, res, next) => {
    const origin = req.get('origin');
    if (origin && origin !== 'null' && new URL(origin).host === req.get('host')) return next();
    if (!origin) return next();
    return res
      .status(403)
      .type('html')
      .send(renderFirstRunPage({ message: 'This form must be sent from this site.' }));
  });

  gate.post('/first-run/demo', (_req, res) => {
    logger.info('first run: loading the demo network');
    loadDemo();
    res.redirect(303, '/');
  });

  gate.post('/first-run/administrator', forms, async (req, res, next) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    const values = { email: text('email'), name: text('name') };
    try {
      // Loaded when used: the gate is served before the models and services are loaded.
      const { createFirstAdministrator } = await import('./services/setup/create-first-administrator');
      const admin = await createFirstAdministrator({
        ...values,
        password: text('password'),
        confirmPassword: text('confirmPassword'),
      });
      logger.info({ email: admin.email }, 'first run: administrator created');
      status.ready();
      res.redirect(303, `/login?email=${encodeURIComponent(admin.email)}`);
    } catch (error) {
      if (error instanceof ValidationError) {
        return res
          .status(400)
          .type('html')
          .send(renderFirstRunPage({ issues: error.issues, values }));
      }
      if (error instanceof DomainError) {
        status.ready();
        return res
          .status(409)
          .type('html')
          .send(renderFirstRunPage({ message: error.message }));
      }
      next(error);
    }
  });

  gate.get('*', (_req, res) => {
    res.type('html').send(renderFirstRunPage());
  });
  gate.all('*', (_req, res) => {
    res
      .status(405)
      .type('html')
      .send(renderFirstRunPage({ message: 'Choose one of the two ways to begin below.' }));
  });
  return gate;
}
