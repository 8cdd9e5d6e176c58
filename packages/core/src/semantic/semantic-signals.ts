import { cosine } from './sentence-encoder.js';
import { CALM_PROTOTYPES, FRUSTRATION_PROTOTYPES, HUMAN_REQUEST_CONTRASTS, HUMAN_REQUEST_PROTOTYPES } from './prototypes.js';

/** How near a message comes to a prototype set and to its contrast set. */
export interface PrototypeMatch {
  /** Cosine to the nearest member of the set. */
  score: number;
  /** Cosine to the nearest member of the contrast set. */
  contrast: number;
}

/** Thresholds for the second opinions; defaults measured on wordings the team wrote itself. */
export interface SemanticThresholds {
  /** A request for a person: nearest prototype at least this close… */
  humanRequest: number;
  /** …and at least this much nearer than the nearest near miss. */
  humanMargin: number;
  /** Frustration: nearest prototype at least this close… */
  frustration: number;
  /** …and at least this much nearer than the nearest calm message. */
  frustrationMargin: number;
  /** Two customer turns this close ask the same thing (paraphrases included). */
  sameQuestion: number;
}

export const DEFAULT_SEMANTIC_THRESHOLDS: SemanticThresholds = {
  humanRequest: 0.72,
  humanMargin: 0.08,
  frustration: 0.55,
  frustrationMargin: 0.06,
  sameQuestion: 0.72,
};

function nearest(v: Float32Array, set: readonly Float32Array[]): number {
  let best = -1;
  for (const p of set) best = Math.max(best, cosine(v, p));
  return best;
}

/**
 * The prototype sets as vectors, built from a lookup of already-embedded texts. Missing
 * vectors (an encoder that failed) leave the sets empty, and every opinion is then "no".
 */
export class SemanticSignals {
  private readonly human: Float32Array[];
  private readonly humanContrast: Float32Array[];
  private readonly frustrated: Float32Array[];
  private readonly calm: Float32Array[];
  readonly available: boolean;

  constructor(
    lookup: (text: string) => Float32Array | undefined,
    readonly thresholds: SemanticThresholds = DEFAULT_SEMANTIC_THRESHOLDS,
  ) {
    const all = (texts: readonly string[]) => {
      const out = texts.map(lookup);
      return out.every((v) => v !== undefined) ? (out as Float32Array[]) : [];
    };
    this.human = all(HUMAN_REQUEST_PROTOTYPES);
    this.humanContrast = all(HUMAN_REQUEST_CONTRASTS);
    this.frustrated = all(FRUSTRATION_PROTOTYPES);
    this.calm = all(CALM_PROTOTYPES);
    this.available = this.human.length > 0 && this.humanContrast.length > 0 && this.frustrated.length > 0 && this.calm.length > 0;
  }

  humanRequest(v: Float32Array): PrototypeMatch {
    return { score: nearest(v, this.human), contrast: nearest(v, this.humanContrast) };
  }

  /** True when the message reads as a request for a person, clearly more than as a near miss. */
  asksForHuman(v: Float32Array): boolean {
    if (!this.available) return false;
    const m = this.humanRequest(v);
    return m.score >= this.thresholds.humanRequest && m.score - m.contrast >= this.thresholds.humanMargin;
  }

  frustration(v: Float32Array): PrototypeMatch {
    return { score: nearest(v, this.frustrated), contrast: nearest(v, this.calm) };
  }

  /** True when the message reads as frustrated, clearly more than as a calm support message. */
  soundsFrustrated(v: Float32Array): boolean {
    if (!this.available) return false;
    const m = this.frustration(v);
    return m.score >= this.thresholds.frustration && m.score - m.contrast >= this.thresholds.frustrationMargin;
  }
}
