/** Every subcommand, in the order `run-action --help` lists them. */
import type { Command } from '../command.js';
import { execCommand } from './exec.js';
import { info } from './info.js';
import { installCommand } from './install.js';
import { testCommand } from './test.js';
import { verifyLockCommand } from './verify-lock.js';

export const commands: Command[] = [execCommand, testCommand, info, installCommand, verifyLockCommand];
