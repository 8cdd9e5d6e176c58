import type { Brief, BriefModelPart } from './brief.js';
import { maskStrings } from './mask-strings.js';

/** What a language model wrote for a brief (the contract's `TLlmBrief`). */
export interface ModelBrief {
  summary: string[];
  intent: string;
  desiredOutcome: string;
  nextSteps: string[];
  suggestedReply: string;
}

/**
 * The rules' brief with a model's writing put in (DESIGN §9): the summary, the intent and the
 * desired outcome, the next steps and the suggested first reply. Everything a rule or a tool
 * established stays as it was (reasons, priority, entities and what is verified, account,
 * transcript), and `writtenByModel` names the parts the model wrote. `leadingSteps` are steps
 * Baton itself must show first (the customer's identity is unproven, the bot's note), kept
 * ahead of the model's. Strings are masked like the rest of the brief.
 */
export function applyModelBrief(brief: Brief, written: ModelBrief, model: { provider: string; model: string }, leadingSteps: readonly string[] = []): Brief {
  const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
  const outcome = oneLine(written.desiredOutcome);
  const parts: BriefModelPart[] = ['summary', 'intent', 'desiredOutcome', 'nextSteps', 'suggestedReply'];
  const headlineText = brief.headline.text.endsWith(brief.headline.issue) ? `${brief.headline.text.slice(0, brief.headline.text.length - brief.headline.issue.length)}${outcome}` : brief.headline.text;
  return maskStrings({
    ...brief,
    headline: { ...brief.headline, issue: outcome, text: headlineText },
    intent: { ...brief.intent, summary: outcome, statement: oneLine(written.intent), rule: 'model' },
    summary: written.summary.map(oneLine).filter((l) => l.length > 0),
    nextSteps: [...leadingSteps, ...written.nextSteps.map(oneLine).filter((s) => s.length > 0 && !leadingSteps.includes(s))],
    suggestedReply: written.suggestedReply.trim(),
    writtenByModel: { provider: model.provider, model: model.model, parts },
  });
}
