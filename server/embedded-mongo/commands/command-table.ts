import { aggregateCommands } from './aggregate';
import { authenticationCommands } from './authentication';
import { catalogCommands } from './catalog';
import { type CommandTable } from './command-types';
import { countDistinctCommands } from './count-distinct';
import { cursorCommands } from './cursors';
import { deleteCommands } from './delete';
import { explainCommands } from './explain';
import { findCommands } from './find';
import { findAndModifyCommands } from './find-and-modify';
import { handshakeCommands } from './handshake';
import { indexCommands } from './indexes';
import { insertCommands } from './insert';
import { transactionCommands } from './transactions';
import { updateCommands } from './update';

/** Every command this server answers; anything else gets CommandNotFound. */
export const COMMANDS: CommandTable = {
  ...handshakeCommands,
  ...authenticationCommands,
  ...catalogCommands,
  ...indexCommands,
  ...findCommands,
  ...cursorCommands,
  ...insertCommands,
  ...updateCommands,
  ...deleteCommands,
  ...findAndModifyCommands,
  ...aggregateCommands,
  ...countDistinctCommands,
  ...transactionCommands,
  ...explainCommands,
};
