/**
 * Types for the parts of wink-sentiment (MIT, pinned at 5.0.2) that Baton reads: its word,
 * bigram, emoticon, emoji and negation tables. The package ships no types of its own.
 */
declare module 'wink-sentiment/src/afinn-en-165.js' {
  const table: Readonly<Record<string, number>>;
  export default table;
}
declare module 'wink-sentiment/src/afinn-en-165-2grams.js' {
  const table: Readonly<Record<string, Readonly<Record<string, number>>>>;
  export default table;
}
declare module 'wink-sentiment/src/emoticons.js' {
  const table: Readonly<Record<string, number>>;
  export default table;
}
declare module 'wink-sentiment/src/emojis.js' {
  const table: Readonly<Record<string, number>>;
  export default table;
}
declare module 'wink-sentiment/src/negations.js' {
  const table: Readonly<Record<string, boolean>>;
  export default table;
}
