// Options every command that serves HTTP shares (serve, cup --serve, host): --allow-origin, repeatable.
import { Option } from 'commander';
import { parseOrigin } from '../../viewer/server/http/origins.js';
import { UserError } from '../errors.js';

function collectOrigin(value: string, previous: string[] | undefined): string[] {
  try {
    return [...(previous ?? []), parseOrigin(value)];
  } catch (e) {
    throw new UserError((e as Error).message);
  }
}

/** --allow-origin <origin>, repeatable; its value arrives as `allowOrigin: string[]` (undefined when not given). */
export function allowOriginOption(prefix = ''): Option {
  return new Option(
    '--allow-origin <origin>',
    `${prefix}also let web pages from this origin (scheme://host[:port]) use the server; repeatable. Loopback pages always may, and beyond loopback so may the page the server itself serves`,
  ).argParser(collectOrigin);
}
