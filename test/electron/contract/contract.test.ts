/**
 * The contract is one list of channels and events: the schema map, the response map and the
 * handler map have exactly those keys (checked by the compiler and at run time), and the services
 * use the contract's run types rather than their own.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AppBridge, Channel, ChannelResponses, EventMap, EventName, RequestOf, RequestSchemas, Result } from '../../../electron/contract';
import { CHANNELS, EVENTS, REQUEST_SCHEMAS, RUN_STATUSES, isChannel } from '../../../electron/contract';
import type {
  FieldGrid,
  RunFields,
  RunProgress as ContractProgress,
  RunRecord as ContractRecord,
  RunSummary as ContractSummary,
  TestEvaluation,
  TestEvaluationPoint,
} from '../../../electron/contract';
import type { FieldGrid as CoreFieldGrid } from '../../../core/problem/fields';
import { HANDLERS } from '../../../electron/services/handlers';
import type { RunProgress } from '../../../electron/services/runs/progress';
import { RUN_STATUSES as STORE_STATUSES } from '../../../electron/services/store/types';
import type { RunRecord, RunSummary } from '../../../electron/services/store/types';

describe('the contract', () => {
  it('has a schema, a response type and a handler for every channel and nothing else', () => {
    expectTypeOf<keyof RequestSchemas>().toEqualTypeOf<Channel>();
    expectTypeOf<keyof ChannelResponses>().toEqualTypeOf<Channel>();
    expectTypeOf<keyof typeof HANDLERS>().toEqualTypeOf<Channel>();
    expectTypeOf<keyof EventMap>().toEqualTypeOf<EventName>();
    expect(Object.keys(REQUEST_SCHEMAS).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(HANDLERS).sort()).toEqual([...CHANNELS].sort());
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
  });

  it('names channels domain/verb and events domain/noun', () => {
    for (const name of [...CHANNELS, ...EVENTS]) expect(name).toMatch(/^[a-z]+\/[a-z-]+$/);
    expect(isChannel('run/start')).toBe(true);
    expect(isChannel('run/explode')).toBe(false);
    expect(isChannel(3)).toBe(false);
  });

  it("declares the run types once: the store and the run manager use the contract's", () => {
    expectTypeOf<RunRecord>().toEqualTypeOf<ContractRecord>();
    expectTypeOf<RunSummary>().toEqualTypeOf<ContractSummary>();
    expectTypeOf<RunProgress>().toEqualTypeOf<ContractProgress>();
    expect(STORE_STATUSES).toBe(RUN_STATUSES);
  });

  it('types the bridge per channel: the request of run/start and the Result of its run record', () => {
    expectTypeOf<RequestOf<'run/get'>>().toEqualTypeOf<{ runId: string }>();
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- read only under `typeof`: instantiation expressions need a value.
    const bridge = null as unknown as AppBridge;
    expectTypeOf<ReturnType<typeof bridge.invoke<'run/get'>>>().toEqualTypeOf<Promise<Result<ContractRecord>>>();
    expectTypeOf<Parameters<typeof bridge.subscribe<'run/progress'>>[1]>().toEqualTypeOf<(payload: ContractProgress) => void>();
  });

  it('types the batch of test evaluations: several θ in, one point per θ out', () => {
    expectTypeOf<RequestOf<'problem/test-evaluations'>>().toEqualTypeOf<{ problem: Record<string, unknown>; problemDir?: string | undefined; thetas: number[][] }>();
    expectTypeOf<ChannelResponses['problem/test-evaluations']['points'][number]>().toEqualTypeOf<TestEvaluationPoint>();
    expectTypeOf<TestEvaluation>().toExtend<TestEvaluationPoint>();
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- read only under `typeof`: instantiation expressions need a value.
    const bridge = null as unknown as AppBridge;
    expectTypeOf<Parameters<typeof bridge.subscribe<'run/deleted'>>[1]>().toEqualTypeOf<(payload: { readonly runId: string }) => void>();
  });

  it("types run/fields: a run and an optional iteration in, the grids of core's field check (or null without a hook) out", () => {
    expectTypeOf<RequestOf<'run/fields'>>().toEqualTypeOf<{ runId: string; iteration?: number | undefined }>();
    expectTypeOf<ChannelResponses['run/fields']>().toEqualTypeOf<RunFields | null>();
    expectTypeOf<NonNullable<RunFields['components'][number]['grids']>[number]>().toEqualTypeOf<FieldGrid>();
    expectTypeOf<FieldGrid>().toEqualTypeOf<CoreFieldGrid>();
  });
});
