/**
 * Test evaluation in the app uses the model's `timeoutSeconds` (issue 11, item 6): a JavaScript
 * model stuck in `while (true) {}` answers with a timeout instead of a spinner that never ends.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlerFixture, smallProblem, type HandlerFixture } from './helpers';

let fixture: HandlerFixture;
beforeAll(() => {
  fixture = createHandlerFixture();
  writeFileSync(join(fixture.dir, 'endless.mjs'), 'export function forward() { while (true) {} }\n');
});
afterAll(() => fixture.close());

describe('problem/test-evaluation of a model that never answers', () => {
  it('fails after timeoutSeconds with a message naming the limit', async () => {
    const problem = smallProblem('endless.mjs');
    problem.model = { type: 'javascript', path: 'endless.mjs', timeoutSeconds: 1 };
    const reply = await fixture.dispatch('problem/test-evaluation', { problem, problemDir: fixture.dir, theta: [0.25, 2] });
    expect(reply).toMatchObject({
      ok: true,
      value: { theta: [0.25, 2], output: null, lengthOk: false, error: 'no answer within 1 s (timeoutSeconds); its worker thread was stopped' },
    });
  }, 30_000);
});
