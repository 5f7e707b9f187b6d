/** Tool version written into every result (reproducible scoring). Keep in step with package.json. */
export const VERSION = '0.1.0';
