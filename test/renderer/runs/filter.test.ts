import { describe, expect, it } from 'vitest';
import { EMPTY_QUERY, filterRuns, sortRuns, tagsOf } from '../../../renderer/src/runs/filter';
import { runSummary } from './support';

const runs = [
  runSummary({ id: 'a', name: 'Baseline K=3', problemName: 'square-map', tags: ['paper'], status: 'completed', createdAt: '2026-01-03T00:00:00Z' }),
  runSummary({ id: 'b', name: 'run 10', problemName: 'four-modal', notes: 'Try a smaller Δt next', status: 'failed', createdAt: '2026-01-02T00:00:00Z' }),
  runSummary({
    id: 'c',
    name: 'run 9',
    problemName: 'four-modal',
    tags: ['paper', 'slow'],
    status: 'cancelled',
    forwardEvaluations: 5,
    createdAt: '2026-01-01T00:00:00Z',
  }),
];
const ids = (list: { id: string }[]) => list.map((run) => run.id);

describe('filterRuns', () => {
  it('keeps every run for the empty query', () => {
    expect(ids(filterRuns(runs, EMPTY_QUERY))).toEqual(['a', 'b', 'c']);
  });

  it('finds words in the name, problem, notes and tags, ignoring case, all words required', () => {
    expect(ids(filterRuns(runs, { ...EMPTY_QUERY, search: 'baseline' }))).toEqual(['a']);
    expect(ids(filterRuns(runs, { ...EMPTY_QUERY, search: 'FOUR-modal' }))).toEqual(['b', 'c']);
    expect(ids(filterRuns(runs, { ...EMPTY_QUERY, search: 'smaller' }))).toEqual(['b']);
    expect(ids(filterRuns(runs, { ...EMPTY_QUERY, search: 'slow' }))).toEqual(['c']);
    expect(ids(filterRuns(runs, { ...EMPTY_QUERY, search: 'four slow' }))).toEqual(['c']);
    expect(ids(filterRuns(runs, { ...EMPTY_QUERY, search: 'nothing-like-this' }))).toEqual([]);
  });

  it('keeps runs in any of the chosen states and with every chosen tag', () => {
    expect(ids(filterRuns(runs, { ...EMPTY_QUERY, statuses: ['failed', 'cancelled'] }))).toEqual(['b', 'c']);
    expect(ids(filterRuns(runs, { ...EMPTY_QUERY, tags: ['paper'] }))).toEqual(['a', 'c']);
    expect(ids(filterRuns(runs, { ...EMPTY_QUERY, tags: ['paper', 'slow'] }))).toEqual(['c']);
    expect(ids(filterRuns(runs, { search: 'run', statuses: ['failed'], tags: [] }))).toEqual(['b']);
  });

  it('filters a thousand runs (its time is a figure of npm run bench, bench/store-listing.ts)', () => {
    const many = Array.from({ length: 1000 }, (_, i) => runSummary({ id: `r${i}`, name: `run ${i}`, notes: i % 7 === 0 ? 'odd one' : '', tags: i % 3 ? [] : ['third'] }));
    const found = filterRuns(many, { search: 'odd', statuses: ['completed'], tags: ['third'] });
    expect(found.map((run) => run.id)).toEqual(many.filter((_, i) => i % 21 === 0).map((run) => run.id));
  });
});

describe('sortRuns', () => {
  it('sorts names as people read them and numbers by value, both ways', () => {
    expect(ids(sortRuns(runs, 'name', 'asc'))).toEqual(['a', 'c', 'b']);
    expect(ids(sortRuns(runs, 'name', 'desc'))).toEqual(['b', 'c', 'a']);
    expect(ids(sortRuns(runs, 'forwardEvaluations', 'asc'))).toEqual(['c', 'a', 'b']);
    expect(ids(sortRuns(runs, 'createdAt', 'asc'))).toEqual(['c', 'b', 'a']);
  });

  it('keeps the listed order among ties and leaves its input alone', () => {
    const copy = [...runs];
    expect(ids(sortRuns(runs, 'components', 'desc'))).toEqual(['a', 'b', 'c']);
    expect(runs).toEqual(copy);
  });
});

describe('tagsOf', () => {
  it('lists every tag once, alphabetically', () => {
    expect(tagsOf(runs)).toEqual(['paper', 'slow']);
  });
});
