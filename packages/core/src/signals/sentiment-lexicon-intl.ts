/**
 * Anger and frustration in Spanish, French, German, Portuguese and Italian, the languages Baton
 * answers in besides English. The English lists (sentiment-lexicon.ts) are much richer; these
 * are enough for an angry customer who writes in their own language to be heard: the words that
 * name anger, the common insults and swear words, and the set phrases of exasperation.
 *
 * Entries are written as the tokenizer yields them: lowercase, accents stripped, apostrophes
 * dropped ("j'en ai marre" is "jen ai marre", "wütend" is "wutend"). Written by hand for Baton;
 * no entry is derived from evaluation data. Words that are also English words are left out
 * unless they mean the same there ("ridicule", "lamentable").
 */

/** Negative words with their valence on the AFINN scale (-5..+5). */
export const INTL_VALENCES: ReadonlyArray<readonly [string, number]> = [
  // es
  ['harto', -3], ['harta', -3], ['hartos', -3], ['verguenza', -3], ['vergonzoso', -3], ['vergonzosa', -3], ['indignante', -3.5],
  ['indignado', -3.5], ['indignada', -3.5], ['ridiculo', -3], ['ridicula', -3], ['absurdo', -2.5], ['absurda', -2.5], ['pesimo', -3],
  ['pesima', -3], ['penoso', -3], ['desastre', -2.5], ['inaceptable', -3], ['molesto', -2.5], ['molesta', -2.5], ['estafa', -3],
  ['asco', -3], ['basura', -2.5], ['burla', -2.5], ['decepcionado', -2.5], ['decepcionada', -2.5],
  // fr
  ['marre', -3], ['inadmissible', -3.5], ['inacceptable', -3], ['scandaleux', -3.5], ['scandaleuse', -3.5], ['honteux', -3],
  ['honteuse', -3], ['honte', -3], ['ridicule', -3], ['catastrophique', -3], ['agace', -3], ['agacee', -3], ['arnaque', -3],
  ['deplorable', -3], ['exaspere', -3], ['exasperee', -3], ['degoute', -3.5], ['degoutee', -3.5], ['decu', -2.5], ['decue', -2.5],
  ['lamentable', -3],
  // de
  ['frechheit', -3.5], ['unverschamtheit', -4], ['unverschamt', -3.5], ['sauer', -2.5], ['genervt', -3], ['nervt', -2.5],
  ['lacherlich', -3], ['katastrophe', -2.5], ['katastrophal', -3], ['zumutung', -3.5], ['inakzeptabel', -3], ['unfassbar', -2],
  ['skandal', -3], ['skandalos', -3.5], ['schande', -3], ['abzocke', -3], ['armselig', -3], ['peinlich', -2.5], ['enttauscht', -2.5],
  ['enttauschend', -2.5],
  // pt
  ['farto', -3], ['farta', -3], ['palhacada', -3.5], ['vergonha', -3], ['inaceitavel', -3], ['pessimo', -3], ['pessima', -3],
  ['lamentavel', -3], ['chateado', -3], ['chateada', -3], ['revoltado', -3.5], ['revoltada', -3.5], ['descaso', -3],
  ['sacanagem', -3], ['decepcionante', -2.5],
  // it
  ['vergogna', -3.5], ['vergognoso', -3.5], ['vergognosa', -3.5], ['stufo', -3], ['stufa', -3], ['ridicolo', -3], ['ridicola', -3],
  ['schifo', -3.5], ['inaccettabile', -3], ['assurdo', -2.5], ['assurda', -2.5], ['scandaloso', -3.5], ['scandalosa', -3.5],
  ['truffa', -3], ['deluso', -2.5], ['delusa', -2.5], ['indecente', -3], ['pazzesco', -2],
];

/** Words that name anger itself: strong evidence, like their English counterparts (valence -4). */
export const INTL_EXPLICIT_ANGER: readonly string[] = [
  'furioso', 'furiosa', 'furiosos', 'enfadado', 'enfadada', 'enojado', 'enojada', 'cabreado', 'cabreada', 'rabia',
  'furieux', 'furieuse', 'enerve', 'enervee', 'colere',
  'wutend', 'stinksauer', 'verargert', 'wut',
  'irritado', 'irritada', 'raiva',
  'arrabbiato', 'arrabbiata', 'incazzato', 'incazzata', 'rabbia',
];

/** Insults, aimed at someone when a second-person word is near. */
export const INTL_INSULTS: readonly string[] = [
  'inutiles', 'inutil', 'incompetentes', 'incompetente', 'estafadores', 'ladrones', 'idiotas', 'pendejos',
  'nul', 'nuls', 'nulle', 'nulles', 'incompetents', 'escrocs', 'voleurs', 'minable', 'minables', 'pitoyable', 'pitoyables',
  'inkompetent', 'inkompetente', 'abzocker', 'idioten', 'betruger',
  'inuteis', 'ladroes',
  'incompetenti', 'inutili', 'truffatori', 'ladri', 'ridicoli',
];

/** Swear words: `strong` ones are abusive on their own, `mild` ones colour the tone. */
export const INTL_PROFANITY: ReadonlyArray<readonly [string, 'strong' | 'mild']> = [
  ['mierda', 'strong'], ['joder', 'strong'], ['carajo', 'strong'], ['merde', 'strong'], ['putain', 'strong'],
  ['scheisse', 'strong'], ['scheiße', 'strong'], ['merda', 'strong'], ['porra', 'strong'], ['caralho', 'strong'], ['cazzo', 'strong'],
  ['bordel', 'mild'], ['verdammt', 'mild'], ['mannaggia', 'mild'],
];

/** Second-person words, so that an insult near one is aimed at the reader ("vous êtes nuls"). */
export const INTL_SECOND_PERSON: readonly string[] = ['vous', 'ustedes', 'usted', 'voces', 'voce', 'voi', 'ihr', 'euch', 'sie'];

/** Set phrases of exasperation, as phrase rules (tokens, `a|b` alternatives). */
export const INTL_EXASPERATION: ReadonlyArray<readonly [string, number]> = [
  ['ras le bol', -3.5], ['jen ai assez', -3], ['foutage de gueule', -4], ['cest une blague', -3], ['personne ne repond|me repond', -2.5],
  ['tomadura de pelo', -3], ['es una broma', -3], ['nadie me responde|contesta|ayuda|atiende', -2.5], ['estoy cansado|cansada de', -2.5],
  ['nase voll', -3.5], ['es reicht', -3], ['das ist ein witz', -3], ['niemand antwortet|hilft|meldet', -2.5],
  ['isso e uma piada|brincadeira', -3], ['ninguem responde|me responde|ajuda|atende', -2.5], ['estou cansado|cansada de', -2.5],
  ['presa in giro', -3], ['nessuno risponde|mi risponde|aiuta', -2.5], ['sono stanco|stanca di', -2.5],
];
