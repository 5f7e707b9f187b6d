// @myotrace/web: the PWA itself is built by Vite from index.html/src/main.tsx. This entry re-exports the
// framework-free pieces other code may reuse (and that the tests import).
export { enqueue, MemoryOutboxStore, syncOutbox, type OutboxItem, type OutboxStore, type SendResult, type SyncReport } from './local/outbox.js';
export { addBuckets, addChunk, bucketsOf, columnsMinMax, createPyramid, type Pyramid } from './viewer/pyramid.js';
export { openWindow, readLayout, readWindow, windowable, type FileLayout } from './viewer/windowed.js';
export { formatDate, formatDateTime, formatNumber, formatOffset, formatTime, isoWithOffset, localDay } from './i18n/format.js';
export { anyActive, batchProgress, formatIndex, formatRatio, type BatchProgress } from './research/model.js';
export type * from './api/types.js';
