/**
 * Customer-service messages: complaints to a brand and calm messages in the same register,
 * written by hand before the complaint patterns existed (brands are made up). The patterns
 * were tuned by family, never phrase by phrase, but some families were added after looking at
 * misses here, so this table is a regression guard rather than a blind test: on messages
 * written after tuning, recall is much lower (about half; see the commit that added it).
 * Do not add items to make a failing run pass: a miss is a family the rules do not cover.
 */
import { describe, expect, it } from 'vitest';
import { scoreMessage, type SentimentLabel } from './sentiment.js';

/** Complaints: waiting, hold, delays, being ignored, asking again, sarcasm, broken promises. */
const COMPLAINTS: readonly string[] = [
  // Elapsed time and "still".
  "@SkyAir I've been waiting 3 weeks for my refund. Three weeks.",
  "It's been 10 days and my parcel still hasn't moved from the depot",
  "Still no refund. Returned the item on the 5th, it's now the 28th.",
  'Day 9 without internet and nobody from @TelcoNet can tell me when it will be fixed',
  'Going on two months since I asked for my deposit back',
  'my order was meant to ship last Monday and it still says processing',
  'how is my bag STILL not found after 6 days',
  'Five weeks waiting for a replacement card. Five.',
  "Been waiting since 8am for the engineer who was booked for a morning slot. It's now 4pm.",
  'It has been a month. A MONTH. Where is my money?',
  'Still waiting on the callback I was promised on Tuesday',
  "Week three of 'your refund is being processed'",
  "My claim has been 'under review' for 47 days now",
  'Still nothing on my compensation claim from April',
  'Over an hour stuck at the gate with zero updates from staff',
  "2 weeks and still no sign of my package, tracking hasn't updated since it left the warehouse",
  'Ordered a sofa in March. It is now June. Still no delivery date.',
  'still no word on my refund @ShopMart',
  "It's been 3 weeks since my broadband was supposed to be connected",
  'Almost a fortnight and my replacement phone still has not shipped',
  // On hold and unreachable.
  'On hold for 45 minutes and then the call just dropped',
  'Nobody picks up the phone at your customer line, ever',
  'been on hold for over an hour listening to the same song on loop',
  'Called 4 times today, each time cut off after 30 minutes in the queue',
  "your phone line says 'high call volumes' every single day",
  '90 minutes on hold to be told to call back tomorrow',
  'tried calling your helpline all week, it just rings out',
  'Queue position 47. It was 52 forty minutes ago.',
  "I'm on hold with @BankCo for the third time this morning",
  'the chat bot keeps looping and the phone line hangs up on me',
  'Two hours on the phone and still no resolution',
  'Is there actually a human at @TelcoNet or is it just hold music',
  // Asking again.
  "This is the third time I'm asking about my missing refund",
  'I already told you my order number twice',
  "I've asked twice already, can someone actually read my messages",
  'For the last time, I did not authorise this payment',
  'How many more times do I need to send you the same photo of the damaged item?',
  "I've explained this to four different agents now",
  "Yet another email asking me for details I've already sent you",
  'again, as I said in my last three messages, the router is not the problem',
  'I keep getting the same copy-paste reply',
  "I've now filled in the same form three times",
  'Repeating myself for the 5th time: the item never arrived',
  'As I have said several times already, I was not home when it was signed for',
  // Thanks for nothing and sarcasm.
  'Thanks for nothing @ShopMart',
  'great service... not',
  'Wow, thanks a lot for cancelling my flight with 2 hours notice',
  'Love being ignored by @TelcoNet',
  "Just great. My flight's delayed again.",
  'Oh fantastic, another delay',
  'So much for next-day delivery',
  "so much for 'we value your custom'",
  'Brilliant, charged twice and no one can explain why',
  'Nothing says customer care like a 2 hour queue',
  'Really appreciate being hung up on, cheers',
  'Love how I pay for fibre and get dial-up speeds',
  'Oh good, the app is down again right when I need to pay rent',
  'What a surprise, my train is cancelled again',
  "Another day, another 'we are experiencing technical difficulties'",
  'Cheers for losing my luggage @SkyAir, really made my holiday',
  'Well done on the third missed delivery this month',
  "Perfect. The one day I need the internet it's out.",
  'Truly world class service, 40 minutes to be told nothing',
  'Thanks so much for the automated reply that answered none of my questions',
  'Great to see my bill has gone up again without any warning',
  'Amazing how fast you take my money and how slow you are to give it back',
  // Giving up.
  "I'm done with you. Cancelling my contract today.",
  'Never ordering from here again',
  "Cancel everything, I'm moving my accounts",
  'Switching to Vodafone the second my contract ends',
  "That's it, I'm taking my custom elsewhere",
  "After 8 years as a customer I'm leaving",
  'Cancelled my subscription. Not worth the hassle.',
  'last time I fly with you',
  "Please just close my account, I've had it",
  'Moving to a different bank, this has been the final straw',
  "won't be renewing, your service has gone downhill",
  'Honestly not sure why I stay with @TelcoNet, this is the last month',
  // Broken promises.
  'You promised a refund within 5 days. That was 3 weeks ago.',
  'Was supposed to arrive yesterday, now it says next week',
  'Your agent told me someone would call me back within 24 hours. Nobody did.',
  'I was guaranteed a technician today and no one showed',
  'Paid for next-day delivery, it arrived after 6 days',
  "You said the issue was fixed. It isn't.",
  "Order confirmation said delivered by Friday. It's Wednesday.",
  "Told me the credit would be on my bill. It's not.",
  'I was promised a callback three times',
  'The website said in stock, then you cancelled my order a week later',
  'You told me the engineer would come between 8 and 12. Nobody came.',
  'Was meant to be refunded last week, still nothing in my account',
  // Ignored.
  'No one replied to my email from two weeks ago',
  'No response to my emails, no response on chat, what do I have to do',
  'You ignored my complaint and then closed the ticket',
  'Sent 3 DMs, zero replies',
  'Nobody has got back to me about my damaged sofa',
  'Still no reply to my complaint about the overcharge',
  'Your support inbox is a black hole',
  'Left a voicemail on Monday, nothing since',
  'DMed you yesterday, read and ignored',
  'Filled in the contact form 4 times and heard nothing back',
  'Does anyone at @TelcoNet actually read these messages?',
  'Emailed customer services a week ago and not even an acknowledgement',
  // Strong disappointment.
  'Absolutely unacceptable that a 3 hour delay gets no explanation',
  "This is a joke. Worst experience I've ever had with an airline.",
  'Really disappointed with how this was handled',
  "Worst customer service I've dealt with in years",
  'Appalling service from start to finish',
  'Shocking that you can charge me for a service I cancelled',
  'Honestly embarrassing how badly this has been handled',
  'This is beyond a joke now',
  "Disgusted with the way I've been treated at the branch",
  'Very poor. Expected much better from you',
  // Mixed: chasing, paying for nothing, repeated failures.
  'Charged twice AGAIN. This keeps happening and nobody fixes it',
  "Your app has been broken for a week and you've said nothing",
  "Every month there's a new 'error' on my bill and I have to check it line by line",
  'Why do I have to chase you for my own money?',
  'Why is it so hard to get a straight answer from you?',
  'Is anyone actually working there?',
  'Seriously, how hard is it to deliver a parcel to the right address',
  "Hours of my life I'll never get back",
  "I shouldn't have to spend my whole lunch break chasing a refund",
  'Paying £60 a month for an internet connection that drops every evening',
  'Landed 4 hours ago, bag is still in another country, no one at the desk',
  'Flight cancelled, no rebooking, no hotel, no help',
  'Delayed again. Third time this week @RailCo',
  'Three missed deliveries and the driver claims nobody was home. I was home.',
  "I'm paying for premium support and getting this",
  "Your 'priority' line is anything but",
  'There is no excuse for this',
  'Not good enough @BankCo',
  'Typical. Card blocked on holiday and no way to reach you',
  'Your chat agent closed the chat on me mid-sentence',
  'why does nobody at your company know what anyone else is doing',
  'Third different answer from the third different agent',
  'So I have to take another day off work for your engineer to not show up again?',
];

/** Calm messages to a brand: questions, thanks, status updates, problems reported calmly. */
const CALM: readonly string[] = [
  // Questions, some about problems.
  'Hi, how long do refunds usually take to reach my card?',
  'My card was declined at a shop this morning, could you tell me why?',
  'The app keeps crashing when I log in, is there a fix?',
  'I was charged twice for the same order, can you help me sort it?',
  'Hello, could you tell me what the baggage allowance is for economy?',
  'Is it possible to change my flight to the following day?',
  'What time does the Oxford Street store close on Sundays?',
  'Can I add a second person to my broadband account?',
  "Hi there, my parcel shows as delivered but I can't find it. What should I do?",
  'How do I update my billing address?',
  'Do you deliver to Northern Ireland?',
  "My router's light is flashing orange, what does that mean?",
  'How long does a transfer to another bank take to arrive?',
  'Could you check the status of order 55821 for me please?',
  'Can I return an item bought in the sale?',
  'Is there a fee for using my card abroad?',
  "I've moved house, how do I transfer my contract?",
  'Hi! Is the blue version of this jacket coming back in stock?',
  "What's the best way to contact you about something I left on a flight?",
  'My flight was cancelled, what are my options for rebooking?',
  "My refund hasn't shown up yet, when should I expect it?",
  "I think I've been overcharged on my last bill, could someone take a look?",
  'I lost my card yesterday, how do I freeze it?',
  'My package is a couple of days late, is there an updated delivery date?',
  'Can I pay my bill in instalments?',
  "There's a pending transaction from a merchant I don't recognise, what should I do?",
  'How do I reset my voicemail PIN?',
  'Do you price match?',
  'Is there a student discount?',
  'My internet is a bit slow this evening, is there an outage in my area?',
  'Is flight AB123 from Manchester on time today?',
  'How do I cancel my subscription?',
  "I'd like to cancel my order please, it hasn't shipped yet",
  'Where can I find my invoice?',
  'Can I change the name on a ticket?',
  'The jacket I received is the wrong size, how do I exchange it?',
  'The screen on my new phone has a small crack, can I get it replaced under warranty?',
  'Is it normal for a refund to take more than five working days?',
  "I ordered a new card last week, is it normal that it hasn't arrived yet?",
  "I'm still a bit confused about the difference between the two plans, could you explain?",
  'Could you remind me again what the cut-off time for same-day dispatch is?',
  'Sorry to ask again, but what was the reference number?',
  'I called yesterday and was told to message here, my account is locked.',
  'I spoke to someone on the phone last week about a refund, is there any update?',
  'Any update on my claim? No rush, just checking.',
  'Just following up on my email from Monday about my order',
  'Hi, I emailed about my missing parcel a few days ago, just checking it was received',
  'My train was delayed 40 minutes this morning, how do I claim compensation?',
  'How do I claim compensation for a delayed flight?',
  'Where do I send photos of a damaged delivery?',
  'Can I put my account on hold while I am abroad?',
  'Could you hold the parcel at the depot so I can collect it?',
  'Is there a way to put a temporary hold on my card?',
  "I've never used your app before, how do I sign up?",
  "I never received a PIN for my new card, could you resend it?",
  'Is the parcel supposed to need a signature?',
  'Last time I ordered, delivery was free. Has that changed?',
  "I'm switching to a new phone, how do I move my eSIM?",
  'Can I book the same seat again for my return flight?',
  'Is the summer sale still on?',
  'Do you still sell the older model of this kettle?',
  "I'm waiting for a delivery today, can I change the time slot?",
  'How many weeks in advance can I book?',
  'Should I ignore the email saying my account is suspended? It looks like phishing.',
  'What happens if my flight is delayed and I miss my connection?',
  'How do I dispute a transaction?',
  'Do I need to be home for the engineer visit?',
  'What are the hold music options for my business line?',
  'Can you tell me how long the wait for a callback usually is?',
  // Thanks and praise.
  'Thanks, that worked!',
  'Thank you so much for sorting my refund so quickly',
  'Brilliant service today, the engineer was really helpful',
  'Cheers for the quick reply!',
  'Great, thanks for letting me know',
  'Parcel arrived this morning, thank you',
  'Thanks @SkyAir, the crew were lovely on my flight to Lisbon',
  "That's perfect, thanks for your help",
  'Really impressed with how quickly you fixed the outage',
  'Appreciate the help, all sorted now',
  'Wow, that was fast. Thanks!',
  'Oh great, that fixed it, thank you!',
  'Love the new app update',
  'Just wanted to say the staff at the Leeds branch were fantastic',
  'Thanks for the update, I will keep an eye out for the email',
  'Finally got it working, thanks for your patience with me',
  'Thanks again for your help yesterday',
  'Superb, the refund is already in my account',
  'Thank you, the new router is much faster',
  'The delivery driver was really friendly, thank you',
  // Neutral status updates.
  "I've restarted the router as suggested",
  "Ok, I've sent the photos over email",
  'My order number is 48213',
  "I'll try again tomorrow morning",
  "I'm at the airport now, checking in at desk 12",
  "Done, I've updated the app",
  'The engineer arrived and is working on it now',
  "I'll wait for the email then",
  'Got the confirmation, thanks',
  "I'm travelling to Madrid next Tuesday",
  'I have attached a copy of the receipt',
  'My postcode is LS1 4AP',
  'Still at the same address as before',
  'I tried that again and it works now',
  'Just to let you know I am switching to paperless billing',
  // Problems reported calmly.
  'I was charged twice for my subscription this month.',
  "My parcel hasn't arrived yet, the tracking says it's at the local depot.",
  'The payment page gives me an error when I enter my card details.',
  "I can't log in to my account, it says my password is wrong.",
  "My bag didn't arrive on my flight from Rome, I've filed a report at the airport.",
  'The washing machine I bought makes a loud noise during spin.',
  'I was charged a late fee but I paid on time, can you check?',
  "There is a charge on my statement I don't recognise.",
  "The app shows my balance as zero, which isn't right.",
  'My flight has been delayed by three hours, will I still make my connection?',
  'My broadband keeps dropping out in the evenings, can someone run a line test?',
  "The tracking hasn't updated in a few days, is my parcel ok?",
  'My direct debit failed this month, how can I pay manually?',
  "I received someone else's order by mistake",
  "My train ticket was cancelled but I haven't received the refund yet",
  "The discount code isn't working at checkout",
  'The heel on one of the boots came off after a week, can I return them?',
  'My new card arrived but the name is spelt wrong',
  'The mobile data stopped working after the update',
  'I think my account may have been hacked, I got a login alert from another country',
  'My bill is higher than usual this month, can you explain the extra charge?',
  'The item was damaged in transit, the box was crushed',
  'I missed the delivery yesterday, how do I rebook it?',
];

type Prediction = { text: string; label: SentimentLabel };

function predict(texts: readonly string[]): Prediction[] {
  return texts.map((text) => ({ text, label: scoreMessage(text).label }));
}

const negative = (p: Prediction): boolean => p.label === 'frustrated' || p.label === 'upset';

describe('held-out complaints to a brand', () => {
  const complaints = predict(COMPLAINTS);
  const calm = predict(CALM);

  it('has enough items on each side to mean something', () => {
    expect(COMPLAINTS.length).toBeGreaterThanOrEqual(120);
    expect(CALM.length).toBeGreaterThanOrEqual(120);
    expect(new Set([...COMPLAINTS, ...CALM]).size).toBe(COMPLAINTS.length + CALM.length);
  });

  it('reads complaints as frustration with F1 of at least 0.85', () => {
    const tp = complaints.filter(negative).length;
    const fp = calm.filter(negative).length;
    const precision = tp / (tp + fp);
    const recall = tp / complaints.length;
    const f1 = (2 * precision * recall) / (precision + recall);
    const missed = complaints.filter((p) => !negative(p)).map((p) => p.text);
    expect(f1, `missed: ${missed.join(' | ')}`).toBeGreaterThanOrEqual(0.85);
  });

  it('flags few calm messages as frustrated, and none as upset', () => {
    const flagged = calm.filter(negative).map((p) => `${p.label}: ${p.text}`);
    expect(flagged.length, flagged.join(' | ')).toBeLessThanOrEqual(Math.floor(CALM.length * 0.05));
    expect(calm.filter((p) => p.label === 'upset').map((p) => p.text)).toEqual([]);
  });
});
