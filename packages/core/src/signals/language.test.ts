import { describe, expect, it } from 'vitest';
import { detectLanguage, LANGUAGE_SAMPLE_CHARS } from './language.js';

/** Core has no DOM or Node types; the clock is only read here, to check linear time. */
const now = (): number => (globalThis as unknown as { performance: { now(): number } }).performance.now();

describe('detectLanguage', () => {
  it.each([
    ['where is my order', 'en'],
    ['refund pls', 'en'],
    ['WHERE IS MY ORDER', 'en'],
    ['my paymnet didnt go thru can u check', 'en'],
    ['hi i need help with my account login asap', 'en'],
    ['Where is my order? It has been two weeks already.', 'en'],
    ['The app keeps crashing on my phone whenever I open settings', 'en'],
    ['hola', 'es'],
    ['dónde está mi pedido', 'es'],
    ['Hola, ¿dónde está mi pedido? Ya pasaron dos semanas.', 'es'],
    ['Bonjour, je voudrais un remboursement pour ma commande', 'fr'],
    ["Je n'ai pas reçu mon colis", 'fr'],
    ['Hallo, ich möchte meine Bestellung stornieren bitte', 'de'],
    ['Ciao, vorrei sapere dove si trova il mio ordine', 'it'],
    ['Olá, quero cancelar a minha encomenda por favor', 'pt'],
    ['Hallo, ik wil graag mijn bestelling annuleren alsjeblieft', 'nl'],
    ['Dzień dobry, gdzie jest moje zamówienie?', 'pl'],
    ['Merhaba, siparişim nerede? İki haftadır bekliyorum.', 'tr'],
    ['Здравствуйте, где мой заказ?', 'ru'],
    ['Добрий день, де моє замовлення?', 'uk'],
    ['مرحبا، أين طلبي؟', 'ar'],
    ['注文はどこですか', 'ja'],
    ['我的订单在哪里', 'zh'],
    ['주문이 어디에 있나요', 'ko'],
    ['Γεια σας, πού είναι η παραγγελία μου;', 'el'],
    ['שלום, איפה ההזמנה שלי', 'he'],
    ['my order 4821 from shop@example.com https://example.com/orders/4821 is late', 'en'],
  ])('%s -> %s', (text, code) => {
    const guess = detectLanguage(text);
    expect(guess.code).toBe(code);
    expect(guess.confidence).toBeGreaterThan(0.3);
    expect(guess.confidence).toBeLessThanOrEqual(1);
  });

  it.each([[''], ['   '], ['ok'], ['no'], ['k'], ['12345'], ['😀😀😀'], ['asdfgh qwerty'], ['\ud800'], ['#4821 $160']])(
    '%j -> und with confidence 0',
    (text) => expect(detectLanguage(text)).toEqual({ code: 'und', confidence: 0 }),
  );

  it('gives short texts less confidence than long ones', () => {
    const short = detectLanguage('refund pls');
    const long = detectLanguage('I would like a refund for my order please, it arrived broken.');
    expect(short.code).toBe('en');
    expect(long.code).toBe('en');
    expect(short.confidence).toBeLessThan(long.confidence);
    expect(short.confidence).toBeLessThanOrEqual(0.8);
  });

  it('reads only the first sample of a long text', () => {
    const text = 'where is my order please help '.repeat(20) + 'Bonjour je voudrais un remboursement pour ma commande '.repeat(200);
    expect(text.indexOf('Bonjour')).toBeGreaterThan(LANGUAGE_SAMPLE_CHARS);
    expect(detectLanguage(text).code).toBe('en');
  });

  it('is deterministic', () => {
    const text = 'Olá, quero cancelar a minha encomenda por favor';
    expect(detectLanguage(text)).toEqual(detectLanguage(text));
  });

  it.each([['a'.repeat(100_000)], ['\ud800'.repeat(100_000)], ['😀'.repeat(50_000)], ['word '.repeat(20_000)]])(
    'never throws and stays fast on 100 kB (%#)',
    (text) => {
      const t = now();
      const guess = detectLanguage(text);
      expect(now() - t).toBeLessThan(200);
      expect(typeof guess.code).toBe('string');
    },
  );
});
