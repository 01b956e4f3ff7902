import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { encodeRequest, parseAnswer, splitLines } from '../../../../electron/services/models/jsonl';

function linesOf(chunks: readonly string[], maxLength = 100): Promise<[string, boolean][]> {
  const stream = new PassThrough();
  const lines: [string, boolean][] = [];
  splitLines(stream, (line, overlong) => lines.push([line, overlong]), maxLength);
  return new Promise((resolve) => {
    stream.on('end', () => resolve(lines));
    for (const chunk of chunks) stream.write(chunk);
    stream.end();
  });
}

describe('splitLines', () => {
  it('joins lines split across chunks, drops \\r, and passes on a last line without a newline', async () => {
    expect(await linesOf(['{"id":1,', '"output":[1]}\r\n{"id"', ':2}\n\nlast'])).toEqual([
      ['{"id":1,"output":[1]}', false],
      ['{"id":2}', false],
      ['', false],
      ['last', false],
    ]);
  });

  it('cuts an overlong line once and drops its rest, however it arrives', async () => {
    const long = 'y'.repeat(250);
    expect(await linesOf([`${long.slice(0, 120)}`, `${long.slice(120)}\nok\n`], 100)).toEqual([
      ['y'.repeat(100), true],
      ['ok', false],
    ]);
    expect(await linesOf([`${long}\nok\n`], 100)).toEqual([
      ['y'.repeat(100), true],
      ['ok', false],
    ]);
  });

  it('keeps multi-byte characters split between chunks whole', async () => {
    const stream = new PassThrough();
    const lines: string[] = [];
    splitLines(stream, (line) => lines.push(line), 100);
    const bytes = Buffer.from('θ = 1\n');
    stream.write(bytes.subarray(0, 1));
    stream.end(bytes.subarray(1));
    await new Promise((resolve) => stream.on('end', resolve));
    expect(lines).toEqual(['θ = 1']);
  });
});

describe('parseAnswer', () => {
  it('reads outputs and errors, and bare NaN and Infinity tokens as numbers', () => {
    expect(parseAnswer('{"id": 3, "output": [1.5, -2]}')).toEqual({ kind: 'output', id: 3, output: [1.5, -2] });
    expect(parseAnswer('{"id":4,"output":[NaN,Infinity,-Infinity]}')).toEqual({ kind: 'output', id: 4, output: [NaN, Infinity, -Infinity] });
    expect(parseAnswer('{"id":5,"error":"NaN in \\"Infinity\\" mesh"}')).toEqual({ kind: 'error', id: 5, error: 'NaN in "Infinity" mesh' });
    expect(parseAnswer('{"id":6,"error":{"code":7}}')).toEqual({ kind: 'error', id: 6, error: '{"code":7}' });
  });

  it('names garbage, answers without an id and answers of the wrong shape', () => {
    expect(parseAnswer('Loading mesh…')).toEqual({ kind: 'garbage', problem: 'it wrote a line to stdout that is not JSON: "Loading mesh…"' });
    expect(parseAnswer('[1, 2]')).toEqual({ kind: 'garbage', problem: 'it wrote "[1, 2]" to stdout, which is not an answer object' });
    expect(parseAnswer('{"output":[1]}')).toEqual({ kind: 'garbage', problem: 'its answer has no integer "id": "{\\"output\\":[1]}"' });
    expect(parseAnswer('{"id":1}')).toEqual({ kind: 'garbage', problem: 'its answer has neither "output" nor "error": "{\\"id\\":1}"' });
  });

  it('writes one request per line', () => {
    expect(encodeRequest(17, [0.1, 2.5])).toBe('{"id":17,"theta":[0.1,2.5]}\n');
  });
});
