/** A top-level crossfoot command (inspect today, check next): registers itself on the program. */
import type { Command } from 'commander';
import type { CliContext } from '../context';

export interface CliCommand {
  name: string;
  /** add the command, its arguments, options and action to `program`; the action sets `ctx.exitCode` */
  register(program: Command, ctx: CliContext): Command;
}
