import { defineKey } from './key-definition.js';
import { integer } from './value-types.js';

/** What a check says from a watch's history: which new ads are re-posts, and where a price stands. */
export const insightKeys = {
  repostWindowDays: defineKey({
    type: integer({ min: 0, max: 365 }),
    default: () => 60,
    description: 'A new ad repeating an ad of the same seller first seen within this many days is a re-post; 0 is off',
    secret: false,
    env: ['PYHABOT_REPOST_WINDOW_DAYS'],
  }),
  priceContextDays: defineKey({
    type: integer({ min: 0, max: 3650 }),
    default: () => 90,
    description: 'Days of recorded prices a new ad or price drop is compared with (README "Price context"); 0 is off',
    secret: false,
    env: ['PYHABOT_PRICE_CONTEXT_DAYS'],
  }),
  priceContextMinSample: defineKey({
    type: integer({ min: 2, max: 10000 }),
    default: () => 8,
    description: 'Fewest priced ads in that window for a price context to be shown',
    secret: false,
    env: ['PYHABOT_PRICE_CONTEXT_MIN_SAMPLE'],
  }),
};
