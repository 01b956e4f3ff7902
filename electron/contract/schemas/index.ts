/** The zod schema of every channel's request, keyed by channel (every channel has one: type-tested). */
import type { z } from 'zod';
import type { Channel } from '../channels';
import { problemSchemas } from './problems';
import { runSchemas } from './runs';

export const REQUEST_SCHEMAS = { ...problemSchemas, ...runSchemas } as const satisfies { readonly [C in Channel]: z.ZodType };

export type RequestSchemas = typeof REQUEST_SCHEMAS;
