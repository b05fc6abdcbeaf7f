/**
 * Why a language-model call failed, in the words of `mistral_errors_total{reason}`.
 * `retryable` failures are retried with backoff; all of them count for the circuit breaker.
 */
export type ModelFailureReason =
  | 'timeout'
  | 'rate_limited'
  | 'http_5xx'
  | 'http_4xx'
  | 'unauthorized'
  | 'connection'
  | 'malformed'
  | 'circuit_open';

const RETRYABLE: ReadonlySet<ModelFailureReason> = new Set([
  'timeout',
  'rate_limited',
  'http_5xx',
  'connection',
]);

export class ModelFailure extends Error {
  override readonly name = 'ModelFailure';
  readonly retryable: boolean;

  constructor(
    readonly reason: ModelFailureReason,
    message: string,
    /** Text already handed to the caller: a retry would repeat it, so none is made. */
    readonly partial = false,
  ) {
    super(message);
    this.retryable = RETRYABLE.has(reason) && !partial;
  }
}

/** The job's own deadline for the model's answer passed (fallback reason TIMEOUT). */
export class ModelDeadlineExceeded extends Error {
  override readonly name = 'ModelDeadlineExceeded';
}
