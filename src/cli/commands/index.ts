/** Every subcommand, in the order `run-action --help` lists them (pipeline order). */
import { proveComponents } from '../../core/pipeline/prove.js';
import type { Command } from '../command.js';
import { execCommand } from './exec.js';
import { info } from './info.js';
import { installCommand } from './install.js';
import { lockCommand } from './lock.js';
import { createPublishCommand } from './publish.js';
import { setupCommand } from './setup.js';
import { testCommand } from './test.js';
import { verifyLockCommand } from './verify-lock.js';

const publishCommand = createPublishCommand((config, names, ctx) => proveComponents(config, names, ctx.env, ctx.logger));

export const commands: Command[] = [setupCommand, lockCommand, execCommand, testCommand, info, publishCommand, installCommand, verifyLockCommand];
