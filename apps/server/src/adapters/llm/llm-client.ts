import { performance } from 'node:perf_hooks';
import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { DeepPartial, LanguageModel, LanguageModelUsage, ToolSet } from 'ai';
import { APICallError, generateText, Output, stepCountIs, streamText } from 'ai';
import type { z } from 'zod';
import type { LlmConfig } from '../../config.js';
import type { CircuitState } from './circuit-breaker.js';
import { CircuitBreaker } from './circuit-breaker.js';

/** How a call to the model failed; the label of `baton_llm_errors_total`. */
export const LLM_FAILURE_KINDS = ['timeout', 'rate_limited', 'http_status', 'unreachable', 'invalid_output', 'circuit_open'] as const;
export type LlmFailureKind = (typeof LLM_FAILURE_KINDS)[number];

/** What a call is for; a label of the stored calls and the metrics. */
export type LlmPurpose = 'answer' | 'brief' | 'test';

export interface LlmUsage {
  inputTokens: number;
  outputTokens: number;
}

/** The outcome of one call, retry included: the parsed value, or why there is none. Never thrown. */
export type LlmResult<T> =
  | { ok: true; value: T; usage: LlmUsage; latencyMs: number; attempts: number }
  | { ok: false; kind: LlmFailureKind; error: string; usage: LlmUsage; latencyMs: number; attempts: number };

export interface LlmCall<T> {
  purpose: LlmPurpose;
  /** The structured output asked for; the reply is parsed with it (zod), and a reply that does not parse is a failure. */
  schema: z.ZodType<T>;
  system: string;
  prompt: string;
  /** Tools the model may call before it answers (the order lookup, for a verified customer). */
  tools?: ToolSet;
  /** A check beyond the schema, e.g. that the answer cites a retrieved article; returns why it fails, or null. */
  check?: (value: T) => string | null;
  /** Receives the output as it streams; without it the call does not stream. */
  onPartial?: (partial: DeepPartial<T>, attempt: number) => void;
  /** `performance.now()` by which everything must be over, retry included; default: now + the timeout. */
  deadline?: number;
}

/** A language model behind the AI SDK, with Baton's timeout, retry and circuit breaker around it. */
export interface LlmClient {
  readonly provider: LlmConfig['provider'];
  readonly model: string;
  readonly config: LlmConfig;
  /** One structured call. Never throws and never runs past its deadline. */
  call<T>(call: LlmCall<T>): Promise<LlmResult<T>>;
  /** Whether calls are paused after repeated failures. */
  circuit(): { state: CircuitState; retryAt: Date | null };
}

/** Failed calls in a row that pause the provider, and for how long. */
export const CIRCUIT_FAILURES = 5;
export const CIRCUIT_PAUSE_MS = 30_000;
/** The wait before the one retry; a 429's Retry-After is honoured when it fits the deadline. */
export const RETRY_BACKOFF_MS = 250;
/** A retry that would have less than this left is not worth starting. */
const MIN_ATTEMPT_MS = 300;

export function createLlmClient(config: LlmConfig, opts: { clock: () => Date; fetch?: typeof fetch }): LlmClient {
  const model = languageModel(config, opts.fetch);
  const breaker = new CircuitBreaker({ failures: CIRCUIT_FAILURES, pauseMs: CIRCUIT_PAUSE_MS, clock: opts.clock });
  return {
    provider: config.provider,
    model: config.model,
    config,
    circuit: () => breaker.state(),
    async call(call) {
      const start = performance.now();
      const deadline = call.deadline ?? start + config.timeoutMs;
      const usage: LlmUsage = { inputTokens: 0, outputTokens: 0 };
      const done = (r: Omit<Extract<LlmResult<never>, { ok: false }>, 'usage' | 'latencyMs'>) => ({ ...r, usage, latencyMs: Math.round(performance.now() - start) });
      if (!breaker.allow()) {
        const retryAt = breaker.state().retryAt;
        return done({ ok: false, kind: 'circuit_open', error: `the provider failed ${CIRCUIT_FAILURES} times in a row; calls resume at ${retryAt?.toISOString() ?? 'once one succeeds'}`, attempts: 0 });
      }
      let last: { kind: LlmFailureKind; error: string; retryAfterMs: number | null } | null = null;
      let attempts = 0;
      for (let attempt = 1; attempt <= 2; attempt++) {
        if (attempt === 2) {
          const wait = Math.max(RETRY_BACKOFF_MS, last?.retryAfterMs ?? 0);
          if (deadline - performance.now() < wait + MIN_ATTEMPT_MS) break;
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
        attempts = attempt;
        const outcome = await attemptOnce(model, call, deadline, attempt);
        usage.inputTokens += outcome.usage.inputTokens;
        usage.outputTokens += outcome.usage.outputTokens;
        if (outcome.ok) {
          breaker.succeeded();
          return { ok: true as const, value: outcome.value, usage, latencyMs: Math.round(performance.now() - start), attempts: attempt };
        }
        last = outcome;
        // A refused key or a malformed request fails the same way twice; a timeout has used the budget.
        if (!retryable(outcome)) break;
      }
      breaker.failedOnce();
      return done({ ok: false, kind: last!.kind, error: last!.error, attempts });
    },
  };
}

function retryable(failure: { kind: LlmFailureKind; status?: number | null }): boolean {
  if (failure.kind === 'timeout' || failure.kind === 'circuit_open') return false;
  if (failure.kind === 'http_status') return (failure.status ?? 500) >= 500;
  return true;
}

type Attempt<T> = ({ ok: true; value: T } | { ok: false; kind: LlmFailureKind; error: string; status: number | null; retryAfterMs: number | null }) & { usage: LlmUsage };

async function attemptOnce<T>(model: LanguageModel, call: LlmCall<T>, deadline: number, attempt: number): Promise<Attempt<T>> {
  const controller = new AbortController();
  const remaining = Math.max(1, deadline - performance.now());
  let timer: NodeJS.Timeout | undefined;
  // The abort ends the request; the race makes sure nothing past it is waited for.
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      setTimeout(() => resolve('late'), 50).unref();
    }, remaining);
  });
  const usage: LlmUsage = { inputTokens: 0, outputTokens: 0 };
  const settings = {
    model,
    system: call.system,
    prompt: call.prompt,
    output: Output.object({ schema: call.schema }),
    maxRetries: 0,
    abortSignal: controller.signal,
    ...(call.tools ? { tools: call.tools, stopWhen: stepCountIs(3) } : {}),
  };
  const run = async (): Promise<Attempt<T>> => {
    try {
      let value: T;
      if (call.onPartial) {
        let streamError: unknown = null;
        const result = streamText({ ...settings, onError: ({ error }) => void (streamError ??= error) });
        for await (const partial of result.partialOutputStream) call.onPartial(partial as DeepPartial<T>, attempt);
        try {
          value = (await result.output) as T;
        } catch (err) {
          throw streamError ?? err;
        }
        addUsage(usage, await result.totalUsage);
      } else {
        const result = await generateText(settings);
        addUsage(usage, result.totalUsage);
        value = result.output as T;
      }
      const parsed = call.schema.safeParse(value);
      if (!parsed.success) return { ok: false, kind: 'invalid_output', error: `the output does not match the schema: ${parsed.error.issues[0]?.message ?? 'invalid'}`, status: null, retryAfterMs: null, usage };
      const problem = call.check?.(parsed.data);
      if (problem) return { ok: false, kind: 'invalid_output', error: problem, status: null, retryAfterMs: null, usage };
      return { ok: true, value: parsed.data, usage };
    } catch (err) {
      return { ok: false, ...classify(err, controller.signal.aborted), usage };
    }
  };
  const outcome = await Promise.race([run(), late]).finally(() => clearTimeout(timer));
  if (outcome === 'late') return { ok: false, kind: 'timeout', error: `no answer within the deadline (BATON_LLM_TIMEOUT_MS)`, status: null, retryAfterMs: null, usage };
  return outcome;
}

function addUsage(into: LlmUsage, u: LanguageModelUsage | undefined): void {
  into.inputTokens += u?.inputTokens ?? 0;
  into.outputTokens += u?.outputTokens ?? 0;
}

/** What went wrong, in the failure kinds, with the provider's own words kept short. */
function classify(err: unknown, aborted: boolean): { kind: LlmFailureKind; error: string; status: number | null; retryAfterMs: number | null } {
  const message = short(err instanceof Error ? err.message : String(err));
  if (aborted) return { kind: 'timeout', error: 'no answer within the deadline (BATON_LLM_TIMEOUT_MS)', status: null, retryAfterMs: null };
  const api = findApiError(err);
  if (api) {
    const status = api.statusCode ?? null;
    if (status === 429) {
      const after = Number(api.responseHeaders?.['retry-after']);
      return { kind: 'rate_limited', error: `HTTP 429: ${short(api.message)}`, status, retryAfterMs: Number.isFinite(after) ? after * 1000 : null };
    }
    if (status !== null) return { kind: 'http_status', error: `HTTP ${status}: ${short(api.message)}`, status, retryAfterMs: null };
    return { kind: 'unreachable', error: short(api.message), status: null, retryAfterMs: null };
  }
  const name = err instanceof Error ? err.name : '';
  if (/NoObjectGenerated|NoOutputGenerated|TypeValidation|JSONParse|InvalidResponseData|NoContentGenerated|InvalidToolInput|NoSuchTool/i.test(name) || /parse|schema|json/i.test(message)) {
    return { kind: 'invalid_output', error: `the model's output could not be used: ${message}`, status: null, retryAfterMs: null };
  }
  return { kind: 'unreachable', error: message, status: null, retryAfterMs: null };
}

function findApiError(err: unknown): APICallError | null {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (APICallError.isInstance(e)) return e;
  }
  return null;
}

function short(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 300 ? `${t.slice(0, 299)}…` : t;
}

/** The AI SDK's model for the configured provider: OpenAI's chat completions, Anthropic's messages, or any OpenAI-compatible server. */
function languageModel(config: LlmConfig, fetchFn?: typeof fetch): LanguageModel {
  const common = { ...(config.apiKey ? { apiKey: config.apiKey } : {}), ...(config.baseUrl ? { baseURL: config.baseUrl } : {}), ...(fetchFn ? { fetch: fetchFn } : {}) };
  if (config.provider === 'openai') return createOpenAI(common).chat(config.model);
  if (config.provider === 'anthropic') return createAnthropic(common)(config.model);
  return createOpenAICompatible({ name: 'openai-compatible', baseURL: config.baseUrl!, ...common, includeUsage: true, supportsStructuredOutputs: true }).chatModel(config.model);
}
