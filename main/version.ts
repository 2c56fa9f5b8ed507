import packageJson from '../package.json';

/**
 * The app's version, read from package.json and from nowhere else: what `sscp --version`
 * prints and what the pack's producer line and manifest record. The desktop app's
 * `app.getVersion()` reads the same field of the same file.
 */
export const APP_VERSION: string = packageJson.version;
