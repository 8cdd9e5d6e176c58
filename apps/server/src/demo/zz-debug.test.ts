import { readdirSync, readFileSync } from 'node:fs';
import { it } from 'vitest';
import { buildAnswerer, parseKbArticle } from '@baton/core';
const dir = '/work/main/demo/kb/';
const arts = readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => parseKbArticle(readFileSync(dir + f, 'utf8'), f));
const a = buildAnswerer(arts);
const IN: [string, string][] = [
  ['hi, my parcel still hasnt shown up, can you tell me where it is?', 'track-order'],
  ['how much do you charge for delivery in the uk', 'delivery-times-costs'],
  ['do you send orders to germany and are there customs charges', 'international-shipping'],
  ['I typed the wrong house number in my address for the order', 'change-delivery-address'],
  ['please cancel the order I just placed', 'cancel-order'],
  ['how many days do I get to return things', 'returns-policy'],
  ['how do i post back the item i want to return', 'start-a-return'],
  ['i sent my return back two weeks ago, still no refund', 'refund-timing'],
  ['do you take paypal', 'payment-methods'],
  ['my card was declined when I tried to pay', 'payment-declined'],
  ['where can I download a vat invoice for my order', 'invoice-receipt'],
  ['forgot my password and cant log in', 'reset-password'],
  ['I need to change the email address on my account', 'update-account-details'],
  ['i would like my account deleted please', 'delete-account'],
  ['is there a guarantee on the frying pan', 'product-care-warranty'],
  ['the teapot arrived cracked', 'damaged-faulty-item'],
  ['my promo code keeps saying it is invalid', 'discount-codes'],
  ['how can I find out how much is left on my gift card', 'gift-cards'],
  ['what time does customer service open on saturday', 'contact-opening-hours'],
  ['checkout keeps showing an error and wont let me pay', 'website-app-problems'],
  ['where is my order 4821', 'track-order'],
  ['my package is late', 'track-order'],
  ['is delivery free over 50 pounds', 'delivery-times-costs'],
  ['can you ship to new york', 'international-shipping'],
  ['can I change the address my order is going to', 'change-delivery-address'],
  ['I want to cancel my order', 'cancel-order'],
  ['can I return a sale item', 'returns-policy'],
  ['how do I get a label to send my return', 'start-a-return'],
  ['how long will my refund take', 'refund-timing'],
  ['can I pay with klarna', 'payment-methods'],
  ['payment keeps failing', 'payment-declined'],
  ['I need a receipt', 'invoice-receipt'],
  ['reset my password', 'reset-password'],
  ['how do I update my phone number', 'update-account-details'],
  ['close my account', 'delete-account'],
  ['how do I clean my enamel pot', 'product-care-warranty'],
  ['my order came damaged', 'damaged-faulty-item'],
  ['discount code not working', 'discount-codes'],
  ['can I buy a gift card', 'gift-cards'],
  ['what is your phone number', 'contact-opening-hours'],
  ['your website is not working', 'website-app-problems'],
  ['wheres my stuff', 'track-order'],
];
const OUT = ["what's the capital of peru", 'can you write me a poem', 'what is the square root of 144', 'tell me a joke about penguins', 'who won the football last night', "what's the weather like tomorrow", 'can you recommend a good film', 'how do I bake sourdough bread', 'translate hello into japanese', 'what is 2 plus 2', 'who is the prime minister', 'sing me a song', 'how old are you', 'can you help me with my homework', 'what is the meaning of life', 'book me a flight to paris', 'whats the best pizza place near me', 'how tall is mount everest', 'explain quantum physics', 'do you like cats'];
it('dbg', () => {
  let ok = 0; let oos = 0;
  for (const [q, id] of IN) { const r = a.answer(q); const good = r.articleId === id && r.confidence >= 0.6; if (good) ok++; else console.log('MISS', JSON.stringify(q), id, r.confidence.toFixed(2), r.candidates.map((c) => `${c.articleId}:${c.score.toFixed(2)}`).join(' ')); }
  for (const q of OUT) { const r = a.answer(q); if (r.confidence < 0.6) oos++; else console.log('OOS ', JSON.stringify(q), r.confidence.toFixed(2), r.candidates.map((c) => `${c.articleId}:${c.score.toFixed(2)}`).join(' ')); }
  console.log(`SUMMARY in ${ok}/${IN.length} out ${oos}/${OUT.length}`);
});
