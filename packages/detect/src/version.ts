/** Version written into results when the caller does not name its own tool. Keep in step with package.json. */
export const DETECT_VERSION = '0.1.0';
