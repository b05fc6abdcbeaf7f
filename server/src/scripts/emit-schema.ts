import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createPubSub } from '@graphql-yoga/subscription';
import { printSchema, lexicographicSortSchema } from 'graphql';
import { buildAppSchema } from '../platform/graphql/schema.js';

/**
 * Emits schema.graphql from the code (`npm run schema`), or with `--check` fails when the
 * committed file differs from what the code produces (CI's drift check).
 */
const target = fileURLToPath(new URL('../../../schema.graphql', import.meta.url));
const header = `# Generated from the server code by \`npm run schema\`. Do not edit by hand.\n\n`;

const schema = await buildAppSchema(createPubSub());
const printed = header + printSchema(lexicographicSortSchema(schema)) + '\n';

if (process.argv.includes('--check')) {
  const committed = readFileSync(target, 'utf8');
  if (committed !== printed) {
    console.error('schema.graphql is out of date: run `npm run schema` and commit the result.');
    process.exit(1);
  }
  console.log('schema.graphql is up to date.');
} else {
  writeFileSync(target, printed);
  console.log(`wrote ${target}`);
}
