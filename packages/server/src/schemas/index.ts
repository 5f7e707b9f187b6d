export * from './common.js';
export * from './auth.js';
export * from './diary.js';
export * from './insights.js';
export * from './recordings.js';
