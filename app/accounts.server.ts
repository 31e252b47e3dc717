/** What the sign-in page needs from the server, through one server-only module. */
export { ValidationError } from '../server/domain/errors';
export { ROLE_LABELS } from '../server/domain/roles';
export { authenticateUser } from '../server/services/users/authenticate-user';
export { DEMO_PASSWORD, listDemoAccounts } from '../server/services/users/list-demo-accounts';
