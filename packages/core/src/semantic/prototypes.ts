/**
 * Prototype sentences for the sentence encoder's second opinion. A message is compared with each
 * set by its nearest member; a set only counts when it is clearly nearer than its contrast set,
 * so "what is your customer service phone number?" (a question the KB answers) is not read as
 * "let me talk to customer service". Written by the team from support practice; English only,
 * as the encoder is. Other languages rely on the rule-based detectors.
 */

/** Asking for a person, refusing the bot, asking to be called. */
export const HUMAN_REQUEST_PROTOTYPES: readonly string[] = [
  'I want to talk to a person',
  'let me speak to a human',
  'connect me to a live agent',
  'can I talk to someone real please',
  'transfer me to customer service',
  'I need a human being to help me with this',
  'put me through to a representative',
  "I'd rather deal with a real person",
  'is there a human I can chat with',
  'get me a manager',
  'I want to speak with someone from your support staff',
  'please have someone call me back',
  'can a person phone me about this',
  "I don't want to talk to a machine",
  "I'm done talking to a bot, get me someone",
  'no more automated answers, a person please',
  'human please',
  'agent please',
  'operator',
  'real person now',
  'customer service please',
  'I need to speak to somebody about this',
  'can somebody from your team help me',
  'give me a real human',
  'let me chat with an actual employee',
  "this bot is useless, I want a person",
  "I'd like to be transferred to an agent",
  'stop, I want to talk to your staff',
  'I want someone to ring me',
  'get a person on the line',
  'I need to talk to a representative right now',
  "you can't help me, let me speak to someone who can",
];

/** Near misses: contact details, questions about the assistant, people who are not staff, refusals. */
export const HUMAN_REQUEST_CONTRASTS: readonly string[] = [
  'what is your customer service phone number',
  'what are your opening hours',
  'how can I contact you by email',
  'when is customer support open',
  'is there a live chat on the website',
  'what is your postal address',
  'how do I get in touch with you',
  'are you a real person?',
  'am I talking to a bot',
  'is this an automated system',
  'do I need to talk to someone to close my account',
  'my travel agent booked it for me',
  'the delivery person left it outside',
  "I don't need a person, just tell me the answer",
  'no need for an agent, I just have a question',
  'can my partner use my account',
  'who is the courier for my order',
  'how do I add another user to my account',
  'the agent on the phone told me it was refunded',
  'I spoke to someone yesterday and they said it was fixed',
];

/** Frustration in customer-service language: waiting, asking again, being ignored, sarcasm, giving up. */
export const FRUSTRATION_PROTOTYPES: readonly string[] = [
  "I've been waiting for weeks and still nothing",
  "this is the third time I'm asking the same thing",
  "I've been on hold for an hour",
  'thanks for nothing',
  'you people are useless',
  'this is ridiculous',
  'worst customer service ever',
  "I'm so fed up with this",
  'nobody answers my emails',
  'you keep ignoring me',
  'great, another delay, just what I needed',
  'I am done with your company',
  'I will never order from you again',
  'how many times do I have to explain this',
  'you promised it would arrive yesterday',
  'absolutely unacceptable',
  "I'm sick of waiting",
  'why does nobody ever reply',
  'still no refund after a month',
  'this is a joke',
  'wow, thanks a lot for the help, really',
  'I have wasted hours on this',
  'your service keeps getting worse',
  'I am really angry about how I have been treated',
  'every time I call I get a different answer',
  'I have had enough of this',
];

/** Calm support messages, including ones that report a problem plainly. */
export const CALM_PROTOTYPES: readonly string[] = [
  'how long does delivery take',
  'can you help me reset my password',
  'thank you so much, that worked',
  "I'd like to update my address",
  'my card was declined, why?',
  'the app keeps crashing when I log in',
  'I was charged twice for the same order',
  'where is my order',
  'what is your refund policy',
  'have a nice day',
  'can I change my delivery date',
  'I need to cancel my subscription',
  'the item arrived damaged, what should I do',
  'how do I apply a discount code',
  'is it possible to pay by bank transfer',
  'my package says delivered but I have not found it yet',
  'thanks for the quick reply',
  'I have a question about my invoice',
  'ok, I will try that',
  'could you check the status of my refund',
];

/** Every prototype text, to embed once with the KB. */
export function prototypeTexts(): string[] {
  return [...HUMAN_REQUEST_PROTOTYPES, ...HUMAN_REQUEST_CONTRASTS, ...FRUSTRATION_PROTOTYPES, ...CALM_PROTOTYPES];
}
