/**
 * Sensitive topics (DESIGN §3): subjects where the AI should not go on alone even when it
 * knows the answer, because money, safety or the law is at stake.
 *
 * Each topic is data the admin can edit: words, phrases with small gaps, and regexes for the
 * rest. Definitions are validated and compiled once; a message is tokenised once and every
 * topic is checked in one pass over the tokens plus a few bounded regexes.
 */
import { normalizeText } from '../text/normalize.js';
import { compileTerms, tokenizeNormalized, type TermMatcher } from './keywords.js';

/** An admin-editable topic. Matching is case- and accent-insensitive throughout. */
export interface TopicDefinition {
  /** Stable id, e.g. 'billing_dispute'; kept in decisions, so never reuse one for a new meaning. */
  id: string;
  /** Shown to agents and admins. */
  label: string;
  /** The reason code the policy emits when this topic fires. */
  reason: string;
  /** A disabled topic is compiled (so its regexes are still validated) but never fires. */
  enabled: boolean;
  /** Single words; inflections meet ("refunds" ~ "refund"); a trailing "*" makes a prefix. */
  words: string[];
  /**
   * Multi-word phrases. Up to two other words may sit between consecutive words, but not a
   * sentence break; "a|b" lists alternatives for one word and "x*" is a prefix.
   */
  phrases: string[];
  /** JS regex sources (flag i) run on the normalised, lowercased text, for what phrases can't say. */
  patterns: string[];
  /**
   * Vetoes: when one of these matches anywhere in the message, the topic does not fire for that
   * message ("refund policy" is a FAQ, not a dispute). An entry made only of words, spaces and
   * the phrase operators "|" and "*" is a phrase; anything else is a regex.
   */
  exclude?: string[];
  /**
   * A plain question about the topic that the KB answers confidently does not escalate ("how long
   * do refunds take?"); a demand or a dispute still does. Off for topics where even a question
   * needs a person (a lost card, a threat of harm).
   */
  answerWhenAsked?: boolean;
}

/** One topic that fired, with what made it fire so "why did it escalate?" has an answer. */
export interface TopicMatch {
  topicId: string;
  reason: string;
  label: string;
  /** The matched span of the normalised (lowercased, accent-free) message. */
  evidence: string;
}

/** Compiled topics; build once per policy version and reuse across messages. */
export interface TopicMatcher {
  /** Each enabled topic that fires on `text`, once, in definition order. Never throws. */
  match(text: string): TopicMatch[];
}

/**
 * Thrown by `compileTopics` for a definition that cannot be compiled. It names the topic and the
 * field so the admin UI can point at the exact input, and carries a stable code.
 */
export class TopicDefinitionError extends Error {
  readonly code = 'POLICY_ERR_TOPIC_PATTERN';
  constructor(
    readonly topicId: string,
    readonly field: string,
    message: string,
  ) {
    super(`topic "${topicId}": ${field}: ${message}`);
    this.name = 'TopicDefinitionError';
  }
}

// Bounded "same sentence, a few words on" gap for patterns: linear, never backtracks far.
// A decimal point ("£499.99") is not a sentence break.
const NEAR = "(?:[^.!?;\\n]|(?<=\\d)\\.(?=\\d)){0,40}?";
const NOT = "(?:dont|don't|didnt|didn't|do not|did not|never|not|cant|can't|cannot|wasnt|wasn't|havent|haven't|have not)";

/**
 * The shipped topics. Written from support practice, not from any evaluation set: they name the
 * ways customers describe a dispute, a security incident, leaving, a legal threat, harm, a need
 * for accommodation, a plea for an exception, or a complaint. Typos that customers commonly make
 * ("refound", "reinburse", "compliant" for "complaint") are listed where they are unambiguous.
 */
export const DEFAULT_TOPICS: TopicDefinition[] = [
  {
    id: 'billing_dispute',
    label: 'Billing dispute',
    reason: 'billing',
    enabled: true,
    answerWhenAsked: true,
    words: [
      'refund', 'refunds', 'refound', 'refunded', 'refunding', 'reimburse', 'reinburse', 'reimbursement', 'reimbursment',
      'compensation', 'compensate', 'reufnd', 'refnd', 'refudn', 'rufund', 'refunt', 'chargeback', 'overcharge', 'overcharged', 'overbilled', 'overbilling', 'misbilled',
      'rebate', 'rebates', 'rebating', 'restitution',
      // Spanish, French, German, Portuguese, Italian (accents are stripped before matching).
      'reembolso', 'reembolsos', 'reembolsar', 'reembolsen', 'reembolsado', 'reembolsem', 'remboursement', 'rembourser', 'remboursez',
      'rembourse', 'remboursee', 'ruckerstattung', 'erstattung', 'ruckzahlung', 'estorno', 'estornar', 'estornem', 'rimborso',
      'rimborsi', 'rimborsare', 'rimborsato', 'rimborsatemi',
    ],
    phrases: [
      'money|cash back', 'get|want|need|return my|the money back|returned|refunded', '(my money|the money|the payment) returned',
      'charged|billed|debited|deducted|paid|charging|taken twice|double|again|multiple',
      'charged|billed|debited|deducted|paid (two times|2 times|more than once)',
      'double charged|charge|charging|billed|billing|payment|debit|transaction',
      'duplicate|duplicated|repeated charge|payment|transaction|debit|billing|transactions|charges|payments',
      'same payment|charge|transaction|thing twice|again',
      'charge|payment|transaction|debit|transactions|charges|payments twice|duplicated',
      'extra|additional|unexpected|unexplained|unknown|mystery|hidden|random|strange|weird|wrong|incorrect|unfair|mysterious fee|charge|charges|amount',
      'wrong|incorrect amount', 'charged|billed|debited the|a wrong|incorrect',
      'charged|billed|debited|deducted too|more|extra|higher',
      'payment|payments|billing|invoice|charge error|mistake|dispute|discrepancy|errors|mistakes|problem|problems|issue|issues|trouble|erors|eror',
      'high|higher|huge|excessive|massive charge|charges',
      'revert*|reverse*|refuse*|reject* a|the|my|card payment|payments',
      '(money|funds|top up|topup|deposit) gone|disappeared|vanished|missing',
      'error|errors|problem|problems|issue|issues|trouble|troubles|mistake|mistakes payment|payments|billing|charge|charges',
      'dispute payment|charge|transaction|bill', 'charge back',
      'less|wrong|incorrect|short cash|money',
      'atm|machine|cashpoint gave|give|dispensed|gives|dispense less|wrong|only|not',
      'payment|purchase|transaction|deposit|money revert*|reversed|bounced|undone|terminated|refused|cancelled|canceled',
      '(top up|topup|top ups|topups) revert*|reversed|cancel*|undone|returned|declined|refused|rejected|bounced|disappeared|vanished',
      // Charged twice, or too much, and money wanted back, in es/fr/de/pt/it.
      'cobraron|cobrado|cobrada|cobrasteis|cobraste|cobrou|cobraram|debite|debitee|preleve|prelevee|facture|facturee|abgebucht|belastet|berechnet|abgezogen|addebitato|addebitata|addebitati|addebitate (dos veces|deux fois|zweimal|doppelt|duas vezes|due volte|double|doble|em dobro|de mas|a mais|en double|in doppio|zu viel|a tort|di troppo)',
      'cobro|cargo|cobranca|prelevement|debit|abbuchung|belastung|addebito (doble|duplicado|duplicada|indebido|indevida|doppelt|doppelte|doppio|duplicato|en double|a mais|de mas)',
      'doppelte|doppelt abbuchung|belastung|zahlung|buchung', '(zu viel|doppelt|zweimal) berechnet|abgebucht|belastet|bezahlt|abgezogen',
      'devuelvan|devolver|devuelvanme|devolverme|recuperar|rendez|rendre|recuperer|devolvam|ridatemi|restituite|restituitemi|rivoglio dinero|argent|dinheiro|soldi|denaro',
      'dinheiro|dinero de volta|vuelta', 'soldi|denaro indietro', 'geld zuruck',
    ],
    patterns: [
      `\\b(?:exchange|conversion|currency) rates?\\b${NEAR}\\b(?:wrong|incorrect|off|bad|unfair|too (?:high|low)|terrible|awful|rip ?off|higher|lower|different|(?:${NOT}) (?:right|correct|fair|accurate))\\b`,
      `\\b(?:wrong|incorrect|bad|unfair|terrible|awful|different)\\b(?:\\W+\\w+){0,3}?\\W+(?:exchange|conversion|currency) rates?\\b`,
      `\\b(?:${NOT})\\b${NEAR}\\b(?:correct|right|fair|proper|real|good)\\b(?:\\W+\\w+){0,2}?\\W+(?:exchange|conversion|currency) rates?`,
      `\\b(?:what|why)\\b[^.!?;\\n]{0,20}?(?:[$€£¥]\\s?\\d|\\d+\\s?(?:usd|eur|gbp|dollars?|euros?|pounds?)\\b)${NEAR}\\b(?:charge|fee|payment|debit|transaction)`,
      `\\b(?:no idea|(?:don'?t|do not) know|not sure|unsure)\\b${NEAR}\\b(?:charged|debited|deducted|taken)\\b`,
      `\\b(?:charged|billed|debited|charges?|payments?|transactions?|debits?|purchases?)\\b${NEAR}\\b(?:twice|two times|multiple times|double|duplicated?)\\b`,
      '(?:[$€£]\\s?\\d+(?:\\.\\d+)?|\\b\\d+\\s?(?:dollars?|pounds?|euros?|cents?)) charge\\b',
      '\\bcharged\\W+(?:me\\W+)?(?:[$€£]\\s?\\d|\\d+\\s?(?:dollars?|pounds?|euros?|cents?)\\b)',
      "\\b(?:didnt|didn't|did not|doesnt|doesn't|wont|won't|isnt|isn't)\\b\\W+(?:my|the)\\W+top.?ups?\\W+(?:work|go through)",
      `\\bpayment\\b${NEAR}\\bnot (?:been )?(?:accepted|processed|approved)`,
      `\\bmoney\\b${NEAR}\\b(?:didnt|didn't|did not|hasnt|hasn't|has not) (?:come|gone|go) through`,
      `\\b(?:${NOT})\\b\\W*(?:get|receive|got|revieve|recieve)\\b(?:\\W+\\w+){0,3}?\\W+(?:all|right|full|correct|whole|that|the) (?:amount|money|cash)`,
      '\\bonly (?:got|received|gave me|dispensed) [$€£]?\\d',
      `\\btop.?ups?\\b${NEAR}\\b(?:${NOT})\\b\\W*(?:work|go through|went through|complete|show)`,
      `\\b(?:cash|money|withdrawal)\\b${NEAR}\\b(?:${NOT})\\b\\W*(?:receive|received|get|come out|came out|dispensed?)`,
      `\\b(?:amount|cash)\\b${NEAR}\\b(?:short|(?:${NOT}) (?:correct|right)|incorrect|wrong)\\b(?! (?:account|person|recipient|number|card))`,
      `\\b(?:${NOT})\\b\\W*(?:get|receive|got)\\b(?:\\W+\\w+){0,2}?\\W+(?:right|full|correct|whole) amount`,
      `\\b(?:money|funds|payment)\\b(?:\\W+\\w+){0,3}?\\W+(?:is |was |came |went )?back (?:in|into|to|with) (?:my account|me)`,
      // Still charged after leaving: "charged after I cancelled my subscription".
      `\\b(?:charged|billed|debited|charging|billing|taking money|took money|payments?)\\b${NEAR}\\b(?:after|since|even though|although|despite)\\b${NEAR}\\b(?:cancel+(?:ed|ing|ation)?|closed|closing|unsubscribed|ended|returned|terminated)\\b`,
      `\\bstill (?:being )?(?:charged|billed|debited|charging|billing)\\b`,
      // Charged an amount other than the price: "billed £49 when the price was £39".
      `\\b(?:charged|billed|debited|paid)\\b${NEAR}\\d${NEAR}\\b(?:when|but|instead of|while|whereas|although)\\b${NEAR}\\b(?:price|cost|total|listed|advertised|quoted|should)\\b`,
      // An amount wanted back: "I want my £50 back", "die 249,99 € zurück".
      `(?:[$€£¥]\\s?\\d[\\d.,]*|\\b\\d[\\d.,]*\\s?(?:[€$£]|(?:eur|euros?|usd|gbp|dollars?|bucks|pounds?|quid|reais|francs?)\\b))(?:\\W+\\w+){0,2}?\\W+(?:back|zuruck|de volta|de vuelta|indietro)\\b`,
      // Charged twice, with the amount in between: "me cobraron 1.200,00 € dos veces".
      `\\b(?:cobraron|cobrado|cobrada|cobrou|cobraram|debite|debitee|preleve|prelevee|abgebucht|belastet|addebitato|addebitata|addebitati)\\b${NEAR}\\b(?:dos veces|deux fois|zweimal|doppelt|duas vezes|due volte|en double|em dobro|de mas|a mais)\\b`,
    ],
    exclude: [
      'refund|return|returns|money|reimbursement policy|policies|guarantee|terms|conditions|rules',
      'refundable ticket|fare|booking|deposit',
      // Questions about the policy itself are FAQs: "in which cases can I ask for a refund".
      '\\b(?:in|under|for) (?:which|what) (?:cases?|situations?|circumstances?|conditions?|reasons?)\\b',
      `\\bhow long\\b${NEAR}\\b(?:refunds?|reimbursements?)\\b`,
      // Hypotheticals about fees: "will I be charged extra abroad?"
      '\\b(?:will|would|could|might|can|do|does)\\b\\W+(?:i|you|we)\\b(?:\\W+\\w+){0,2}?\\W+(?:charged|billed)\\b',
      "\\bwon'?t\\b[^.!?;\\n]{0,30}?\\b(?:charged|billed)\\b",
    ],
  },
  {
    id: 'fraud_security',
    label: 'Fraud or security',
    reason: 'security',
    enabled: true,
    words: [
      'fraud', 'fraudulent', 'fraudster', 'fraudsters', 'scam', 'scammed', 'scammer', 'scammers', 'phishing', 'hacked',
      'hacker', 'hackers', 'unauthorized', 'unauthorised', 'unrecognized', 'unrecognised', 'skimmed', 'skimming',
      'cloned', 'compromised', 'impersonat*', 'fradulent', 'fraudlent', 'fruad', 'stolen', 'stole', 'theft', 'thief', 'fishy', 'dodgy', 'breach', 'leaked',
      // es/fr/de/pt/it
      'fraude', 'fraudulento', 'fraudulenta', 'frode', 'betrug', 'betruger', 'arnaque', 'estafa', 'estafado', 'truffa', 'truffato',
      'hackeado', 'hackeada', 'hackearon', 'hackeo', 'hackerato', 'hackerata', 'gehackt', 'piratee', 'robada', 'robado', 'robaron',
      'roubado', 'roubada', 'roubaram', 'roubou', 'rubata', 'rubato', 'rubati', 'gestohlen', 'geklaut', 'usurpation', 'usurpacion',
      'suplantacion', 'identitatsdiebstahl',
    ],
    phrases: [
      'lost|lose|losing|misplaced|misplace|missing my|the|a|our card|cards|wallet|purse|phone|mobile|cellphone',
      'card|cards|wallet|purse|phone|mobile|cellphone is|was|has|got|been|went lost|missing|gone|taken',
      'lost card|phone|wallet',
      '(cant|cannot|can t|can not|unable to) find|locate my card|wallet|purse',
      'someone|somebody|people|person|they took|take|taken|grabbed|snatched|pickpocketed my',
      'atm|machine|cashpoint took|take|taken|ate|eaten|eat|eats|swallow*|kept|keep|keeps|retain*|grabbed|holding|stuck|trapped my|the|card',
      '(atm|cashpoint|cash machine) ate|eaten|eats|swallow*|kept|keeps|retain*|took|grabbed|stole',
      'card stuck|trapped|jammed|swallow*|retained|eaten',
      'card (still inside|inside the|in the) atm|machine',
      '(someone|somebody|stranger|hacker|someone else|somebody else|someones|somebodys) using|used|accessed|access|charged|spent|spending|withdrew|withdrawn|took|logged|hacked',
      'without my knowledge|permission|consent|authori*', 'without permission|consent|authorisation|authorization',
      'unknown|unfamiliar|strange|weird|odd|unusual|suspicious|fake|mysterious|unexpected payment|payments|transaction|transactions|charge|charges|withdrawal|withdrawals|debit|debits|login|activity|purchase|purchases|merchant|vendor|seller|company|retailer|payee',
      '(dont|didnt|do not|did not|never|not|cant|cannot|wasnt|can t) recogni*|authori*',
      '(dont|didnt|do not|did not|never) remember making|doing|authori*',
      'freeze|froze|block|lock|suspend|cancel|deactivate my|the|our card|cards',
      'freeze|froze|block|lock|suspend|stop|halt|deactivate my|the|our|all account|accounts|activity|activities|transactions|payments',
      'frozen|blocked|locked|suspended|restricted account|accounts|card',
      'put|place|placed|placing a|an|on|under hold|stop|freeze|block',
      'account|card|accounts blocked|locked|frozen|suspended|restricted|disabled',
      'stop a|the payment|payments|charge|withdrawal|debit',
      '(card|details|data|information|info|pin|password) exposed|leaked|compromised|stolen|hacked',
      'report* lost|stolen|fraud*|unauthori*|suspicious|theft|scam|missing',
      'report* a|my card|wallet|phone lost|stolen|missing',
      'someone|somebody stole|stolen|took|got|has|hacked|hack|cloned|copied|copy my',
      'identity theft', 'account takeover', 'taken over', 'locked out', 'security breach', 'data breach',
      '(someone|somebody|they|hacker) changed|reset my password|email|pin|number',
      'vole|volee|voler|robo|robaron|roubaram|roubou|rubato|rubata|perdi|perdu|perdue|smarrito|smarrita carte|tarjeta|cartera|portefeuille|cartao|carteira|carta|portafoglio',
      'carte|tarjeta|cartao|carta|karte volee|perdue|clonee|robada|perdida|clonada|roubado|perdido|clonado|rubata|smarrita|clonata|gestohlen|verloren',
      'compte|cuenta|conta|konto|account pirate|piratee|hacke|compromis|hackeada|comprometida|invadida|clonada|gehackt|kompromittiert|hackerato',
    ],
    patterns: [
      "\\b(?:not|wasnt|wasn't|isnt|isn't) (?:me|mine)\\b",
      `\\b(?:i|we)\\b(?:\\W+\\w+){0,2}?\\W+(?:${NOT})\\b(?:\\W+(?:actually|even|ever|really|personally|myself|knowingly))?\\W+(?:make|made|do|did|authori[sz]e|set up|order|buy|request|withdraw|take|spend|approve|agree to|perform|purchase|initiate)\\b${NEAR}\\b(?:payment|transaction|charge|withdrawal|withdrawl|debit|purchase|transfer)s?\\b`,
      `\\b(?:payment|transaction|charge|withdrawal|withdrawl|debit|purchase|transfer)s?\\b${NEAR}\\b(?:i|we)\\b\\W*(?:${NOT})\\b(?:\\W+(?:actually|even|ever|really|personally|myself|knowingly))?\\W+(?:make|made|do|did|authori[sz]e|set up|order|buy|bought|request|withdraw|take|recogni[sz]e|approve|perform|purchase|purchased|initiate|remember|recall)`,
      `\\b(?:${NOT})\\b\\W*(?:get|take|retrieve|remove|pull)\\b(?:\\W+\\w+){0,2}?\\W+card\\b(?:\\W+\\w+){0,3}?\\W+(?:atm|machine|cashpoint|out|back)\\b`,
      `\\b(?:cant|can't|cannot|unable|not able|couldnt|couldn't|won'?t let|no way|problems?|trouble|issues?|fail(?:ed|s|ing|ure)?|difficult(?:y|ies)|rejected|declined|refused)\\b${NEAR}\\b(?:identity|identify|id|verification|verify|verifying|prove|proving)\\b`,
      `\\b(?:identity|identify|id|verification|verify|verifying|prove|proving)\\b${NEAR}\\b(?:fail(?:ed|s|ing)?|rejected|declined|refused|not (?:being |been )?(?:working|accepted|verified|going through|let)|won'?t (?:work|let|go|accept)|doesn'?t (?:work|accept)|isn'?t (?:working|accepted)|error|stuck|problems?)\\b`,
      `\\b(?:block|freeze|lock|suspend|stop)\\b(?:\\W+\\w+){0,5}?\\W+(?:account|card)s?\\b`,
      `\\b(?:a|the) (?:block|freeze|hold|stop)\\b${NEAR}\\b(?:account|card|checking|savings)\\b`,
      `\\b(?:hold|block|freeze|stop) (?:on|against)\\b${NEAR}\\b(?:account|card|checking|savings)\\b`,
      `\\bcard\\b${NEAR}\\b(?:kept|taken|retained|swallowed|eaten|stuck|trapped|held)\\b${NEAR}\\b(?:atm|machine|cashpoint)\\b`,
      '\\b(?:used|using)\\b(?:\\W+\\w+){0,2}?\\W+by (?:someone|somebody|a stranger|another person|other people)',
      `\\b(?:cant|can't|cannot|unable to|not able to|couldn'?t|won'?t let me|error)\\b\\W+(?:log|sign|logging|signing)\\W?(?:in|into|on)\\b${NEAR}\\baccount\\b`,
      "\\b(?:hasn'?t|has not|isn'?t|is not|wasn'?t|was not)\\b\\W+(?:my\\W+)?(?:identity|id)\\b\\W+(?:been |being )?(?:verified|accepted|approved)",
      // A payment the customer does not recognise, in es/fr/de/pt/it.
      `\\b(?:cargos?|cobros?|pagos?|compras?|movimientos?|transacciones|transaccion|paiements?|prelevements?|debits?|achats?|operations?|abbuchung(?:en)?|zahlung(?:en)?|buchung(?:en)?|lastschrift(?:en)?|belastung(?:en)?|cobrancas?|pagamentos?|transac(?:ao|oes)|debitos?|addebit[oi]|transazion[ei]|acquist[oi]|moviment[oi])\\b${NEAR}\\b(?:no (?:lo |la |los |las )?(?:reconozco|he hecho|hice|autorice|realice)|ne (?:le |la |les )?reconnais pas|je n'?ai pas (?:fait|autorise)|nicht (?:kenne|erkenne|gemacht|autorisiert|veranlasst)|nao (?:o |a )?(?:reconheco|fiz|autorizei)|non (?:lo |la )?(?:riconosco|ho fatto|ho autorizzato))\\b`,
      `\\b(?:no reconozco|ne reconnais pas|nicht erkenne|nao reconheco|non riconosco)\\b${NEAR}\\b(?:cargos?|cobros?|pagos?|compras?|movimientos?|paiements?|prelevements?|debits?|achats?|abbuchung(?:en)?|zahlung(?:en)?|buchung(?:en)?|cobrancas?|pagamentos?|compras?|addebit[oi]|pagament[oi])\\b`,
    ],
    exclude: [
      // Finding a mislaid phone is a device question, not a bank-security one.
      '\\b(?:find|finding|locate|locating|ring|track|tracking|where(?:\'s| is)?|call)\\b(?:\\W+\\w+){0,2}?\\W+(?:my |the )?(?:lost )?(?:phone|mobile|cellphone)',
      `\\b(?:phone|mobile|cellphone)\\b${NEAR}\\b(?:find|finding|locate|locating|track|tracking)\\b`,
      '\\b(?:luggage|baggage|suitcase|suitcases)\\b',
      // "If I lose my card, how long for a new one?" is about replacement, not a loss.
      '\\b(?:if|in case|after|when)\\b\\W+(?:i|you|we|someone)?\\W*(?:lose|losing|loses)\\b',
    ],
  },
  {
    id: 'account_closure',
    label: 'Account closure',
    reason: 'account_closure',
    enabled: true,
    words: [],
    phrases: [
      'get rid of my|this|the account|profile',
      'leave|leaving|quit|quitting the|this|your bank|company|platform',
      'no longer want|need|use the|my|this|your account|service|bank',
      '(dont|do not|don t) want|need my|this|the account|profile|membership anymore|any|longer',
      'stop|end my account',
    ],
    patterns: [
      `\\baccount\\b${NEAR}\\b(?:close|remove|delete|terminate|cancel|deactivate|inactivate|get rid of|remoev)\\W+it\\b`,
      '\\b(?:close|closing|closure|delete|deleting|deletions?|deletiom|remoev|inactivate|terminate|terminating|termination|deactivate|deactivating|deactivation|cancel|cancell?ing|cancell?ation|remove|removing|removal|erase|erasing|shut(?:ting)? down|unsubscribe)\\b(?:\\W+\\w+){0,4}?\\W+(?:account|acount|accont|acct|profile|membership)s?\\b',
      '\\b(?:account|acount|profile|membership)s?\\b(?:\\W+\\w+){0,3}?\\W+(?:closed|deleted|terminated|deactivated|cancell?ed|removed) (?:permanently|for good|please)',
      // es/fr/pt/it: a closing verb before the account; German puts the verb last.
      '\\b(?:cerrar|cierren|cancelar|cancelen|eliminar|eliminen|borrar|borren|dar(?:me)? de baja|fermer|fermez|cloturer|cloturez|supprimer|supprimez|fermeture|cloture|suppression|encerrar|encerrem|excluir|excluam|apagar|apaguem|fechar|desativar|chiudere|chiudete|cancellare|cancellate|eliminare|eliminate|disattivare|chiusura|cancellazione)\\b(?:\\W+\\w+){0,3}?\\W+(?:cuenta|perfil|membresia|compte|profil|conta|conto|account|profilo)\\b',
      '\\b(?:konto|kundenkonto|profil|mitgliedschaft)\\b(?:\\W+\\w+){0,3}?\\W+(?:kundigen|loschen|schlie(?:ss|\u00df)en|auflosen|deaktivieren)\\b',
      '\\b(?:kundigen|kundigung|loschen|loschung|schlie(?:ss|\u00df)en|schlie(?:ss|\u00df)ung|auflosen|auflosung)\\b(?:\\W+\\w+){0,3}?\\W+(?:konto|kontos|kundenkonto|profil|mitgliedschaft)\\b',
    ],
    exclude: [
      "\\b(?:dont|don't|do not|never) (?:want|need) (?:to|you to) (?:close|delete|cancel|terminate|deactivate)",
      '\\bcancel(?:l?ed|l?ing)?\\b(?:\\W+\\w+){0,2}?\\W+(?:order|orders|transfer|transfers|payment|reservation|booking|newsletter)\\b',
      '\\bremov(?:e|ing|al)\\b(?:\\W+\\w+){0,2}?\\W+(?:address|card|item|payment method|phone|email|number)\\b',
    ],
  },
  {
    id: 'legal',
    label: 'Legal or compliance',
    reason: 'legal',
    enabled: true,
    words: [
      'lawyer', 'lawyers', 'attorney', 'attorneys', 'solicitor', 'solicitors', 'lawsuit', 'litigation', 'sue', 'sued',
      'suing', 'subpoena', 'ombudsman', 'gdpr', 'ccpa', 'regulator', 'tribunal', 'legally', 'illegal', 'unlawful',
      'discrimination', 'discriminated', 'libel', 'defamation',
      // es/fr/de/pt/it
      'abogado', 'abogados', 'denunciar', 'denunciarlos', 'denunciaros', 'denunciare', 'denuncio', 'avocat', 'avocats', 'anwalt', 'anwaltin',
      'rechtsanwalt', 'verklagen', 'klage', 'advogado', 'advogados', 'advogada', 'avvocato', 'avvocati', 'querela', 'verbraucherzentrale',
    ],
    phrases: [
      'legal action|advice|team|department|proceedings|claim|matter|obligation|rights|notice',
      'take|taking you|this to court', 'small claims', 'class action', 'court order', 'trading standards',
      'data protection', 'subject access request', 'cease and desist', 'breach of contract', 'consumer rights',
      'report|reporting you to the|a regulator|authorities|police|ombudsman|bbb|fca|ftc|cfpb',
      'delete|erase all my personal data|information', 'right to be forgotten',
      'porter plainte', 'vou|vamos|irei|vai processar', 'tribunal|gericht|tribunale|tribunais', 'demandar|demandarlos|demandaros|demandare',
    ],
    patterns: [],
    exclude: ['joke|jokes'],
  },
  {
    id: 'health_safety',
    label: 'Health and safety',
    reason: 'health_safety',
    enabled: true,
    words: [
      'injury', 'injuries', 'injured', 'injure', 'hospital', 'hospitalised', 'hospitalized', 'ambulance', 'poisoning',
      'poisoned', 'electrocuted', 'exploded', 'explosion', 'hazard', 'hazardous', 'unsafe', 'toxic', 'choking',
      'overheating', 'overheated', 'anaphylaxis', 'anaphylactic',
      'stromschlag', 'quemadura', 'brulure', 'verbrennung', 'queimadura', 'ustione', 'intoxicacion', 'intoxication',
      'lebensmittelvergiftung', 'intoxicacao', 'intossicazione',
    ],
    phrases: [
      'allergic reaction', 'smoke|smoking|sparks came|coming|from|out',
      'electric|electrical shock', 'gave|giving me a shock',
      'burned|burnt|hurt|injured|injuring me|myself|himself|herself|child|son|daughter',
      'made|making me|us|my sick|ill', 'food poisoning', 'safety issue|problem|concern|hazard|recall|risk',
      'product recall', 'dangerous product|item|to use', 'sharp edge|edges', 'broken glass', 'battery swelling|swelled|swollen|leaking',
      'started|starts|began|begun|keeps|kept smoking|sparking|melting', 'burning smell', 'smell of burning', 'melted|melting plug|socket|cable|charger|wire|casing',
      'cut|cuts|bleeding|burnt|burned her|his|my|their hand|hands|finger|fingers|arm|leg|foot|face|mouth',
      // es/fr/de/pt/it
      'se incendio', 'prendio|pris|gefangen|pegou|preso fuego|feu|fogo|fuoco', 'feuer gefangen',
      'reaccion|reaction|reaktion|reacao|reazione alergica|allergique|allergische|alergica|allergica',
      'descarga|choc|choque|scossa electrica|electrique|eletrico|elettrica', 'me queme|quemado|quemada', 'me suis brule|brulee',
    ],
    patterns: ['\\b(?:caught|catch|catches|catching|set on) fire\\b', '\\bburst into flames\\b'],
  },
  {
    id: 'personal_safety',
    label: 'Personal safety',
    reason: 'personal_safety',
    enabled: true,
    words: [
      'suicide', 'suicidal', 'harassment', 'harassed', 'harassing', 'stalking', 'stalker', 'stalked', 'threatened',
      'threatening', 'assaulted', 'assault', 'abused', 'abusive', 'blackmail', 'blackmailed', 'extortion', 'coerced',
      'kidnapped',
      'amenazo', 'amenazado', 'amenazada', 'amenazas', 'acoso', 'acosado', 'acosada', 'menacee', 'harcelement',
      'harcele', 'harcelee', 'bedroht', 'bedrohung', 'belastigt', 'ameacou', 'ameacado', 'ameacada', 'ameacas', 'assedio',
      'minacciato', 'minacciata', 'minacce', 'molestie',
    ],
    phrases: [
      'kill|hurt|harm myself', 'end my life', 'self harm', 'domestic violence|abuse', 'in danger',
      'not safe|unsafe at home', 'afraid|scared for my life|safety', 'being followed|threatened|abused|harassed',
      'forcing|forced me to', 'want to die', 'threat to my|me',
      '(dont|do not|didnt|did not|no longer) feel safe', 'keeps|kept|is|was following|stalking|watching me',
      'en|in|em peligro|danger|gefahr|perigo|pericolo', 'no me siento seguro|segura', 'ne me sens pas en securite',
      'fuhle mich bedroht|unsicher', 'nao me sinto seguro|segura', 'non mi sento sicuro|sicura',
      // "il m'a menacé", not English "a menace"
      'ma|mont|nous|il|elle|on menace|menacee|menaces|menacer',
    ],
    patterns: [],
  },
  {
    id: 'accessibility',
    label: 'Accessibility',
    reason: 'accessibility',
    enabled: true,
    words: [
      'accessibility', 'blind', 'deaf', 'wheelchair', 'braille', 'dyslexia', 'dyslexic', 'disability', 'disabilities',
      'impairment', 'autistic', 'autism',
    ],
    phrases: [
      'screen reader|readers', 'hard of hearing', 'visually|hearing|sight|mobility impaired', 'sign language',
      'large print|text|font', 'i am|im disabled', 'disabled person|customer|user|access|parking|people',
      'accessible format|version|entrance|room', 'reasonable adjustment|adjustments|accommodation|accommodations',
      'low vision', 'partially sighted',
    ],
    patterns: [],
  },
  {
    id: 'policy_exception',
    label: 'Policy exception',
    reason: 'policy_exception',
    enabled: true,
    words: ['waive', 'waived', 'waiver'],
    phrases: [
      'make|making an exception', 'bend the rules', 'just this once', 'one time|off exception|courtesy',
      'goodwill gesture|payment', 'special exception|case|consideration', 'override the',
      'past|outside|after|beyond|missed|over the return|refund|cancellation window|period|deadline',
      'extend the|my deadline|return|trial|window|period', 'even though it is|its past|expired|late',
      'late return|cancellation|refund',
    ],
    patterns: [],
  },
  {
    id: 'complaint',
    label: 'Complaint',
    reason: 'complaint',
    enabled: true,
    answerWhenAsked: true,
    words: [
      'complaint', 'complaints', 'complain', 'complaining', 'complained', 'complant', 'complaing', 'complane', 'grievance',
      'grievances', 'reclamation', 'reclamations', 'reclaim', 'disgraceful', 'disgusted', 'appalled', 'appalling',
      'unacceptable', 'outrageous',
      'queja', 'quejas', 'quejarme', 'reclamacion', 'reclamaciones', 'beschwerde', 'beschwerden', 'beschweren', 'reclamacao', 'reclamacoes',
      'reclamo', 'reclami', 'plainte', 'inadmissible', 'inacceptable', 'inaceptable', 'inaceitavel', 'inaccettabile', 'inakzeptabel',
    ],
    phrases: [
      'file|filing|lodge|lodging|make|making|submit|submitting|raise|raising|open|opening|log|register|send a|an claim|compliant|complain|complant|reclaim',
      '(put in|bring) a|an claim|compliant|complaint',
      'claim against', 'dissatisfied|unhappy|displeased|disappointed with|about the|your service|company|staff|support|treatment',
      'not happy with|about the|your service|company|staff|support|treatment|product',
      'terrible|awful|horrible|poor|bad|worst|appalling|shocking|rude service|support|experience|treatment|staff|customer',
      'speak|talk|write to someone about a|my problem|issue',
    ],
    patterns: [`\\bexperience\\b${NEAR}\\b(?:bad|terrible|awful|horrible|poor|disappointing|unacceptable|appalling)\\b`],
    exclude: ['leave|write|post|give|submit|add a|my review|rating|feedback', 'no complaint|complaints', 'not complaining', 'nothing to complain'],
  },
];

interface CompiledTopic {
  def: TopicDefinition;
  patterns: RegExp[];
  excludeRegexes: RegExp[];
  hasExcludeTerms: boolean;
}

const PHRASE_ONLY = /^[\p{L}\p{N}\s'|*()-]+$/u;

function compileRegex(source: string, topicId: string, field: string): RegExp {
  try {
    return new RegExp(source, 'i');
  } catch (err) {
    throw new TopicDefinitionError(topicId, field, `invalid regular expression: ${(err as Error).message}`);
  }
}

/**
 * Validates and compiles definitions once. Throws `TopicDefinitionError` (code
 * 'POLICY_ERR_TOPIC_PATTERN', naming the topic id and field such as `patterns[2]`) on a bad
 * regex, so a broken admin edit is refused when saved rather than failing on live traffic.
 * Admin regexes are trusted to be linear; the defaults only use bounded gaps.
 */
export function compileTopics(defs: TopicDefinition[]): TopicMatcher {
  const topics: CompiledTopic[] = [];
  const positive: Array<{ term: string; value: number }> = [];
  const negative: Array<{ term: string; value: number }> = [];
  defs.forEach((def, index) => {
    const patterns = def.patterns.map((p, i) => compileRegex(p, def.id, `patterns[${i}]`));
    const excludeRegexes: RegExp[] = [];
    let hasExcludeTerms = false;
    (def.exclude ?? []).forEach((e, i) => {
      if (PHRASE_ONLY.test(e)) {
        negative.push({ term: e, value: index });
        hasExcludeTerms = true;
      } else excludeRegexes.push(compileRegex(e, def.id, `exclude[${i}]`));
    });
    if (!def.enabled) return;
    for (const w of def.words) positive.push({ term: w, value: index });
    for (const p of def.phrases) positive.push({ term: p, value: index });
    topics[index] = { def, patterns, excludeRegexes, hasExcludeTerms };
  });
  const positives: TermMatcher<number> = compileTerms(positive, { maxGap: 2, derived: false });
  const negatives: TermMatcher<number> = compileTerms(negative, { maxGap: 2, derived: false });

  return {
    match(text: string): TopicMatch[] {
      const normalized = normalizeText(text);
      const tokens = tokenizeNormalized(normalized);
      const evidence = new Map<number, string>();
      for (const hit of positives.find(tokens)) {
        if (!evidence.has(hit.value)) evidence.set(hit.value, normalized.slice(hit.start, hit.end));
      }
      topics.forEach((t, index) => {
        if (evidence.has(index)) return;
        for (const re of t.patterns) {
          const m = re.exec(normalized);
          if (m) {
            evidence.set(index, m[0]);
            return;
          }
        }
      });
      if (evidence.size === 0) return [];
      const vetoed = new Set<number>();
      for (const hit of negatives.find(tokens)) vetoed.add(hit.value);
      const out: TopicMatch[] = [];
      topics.forEach((t, index) => {
        const ev = evidence.get(index);
        if (ev === undefined || vetoed.has(index)) return;
        if (t.excludeRegexes.some((re) => re.test(normalized))) return;
        out.push({ topicId: t.def.id, reason: t.def.reason, label: t.def.label, evidence: ev.trim() });
      });
      return out;
    },
  };
}
