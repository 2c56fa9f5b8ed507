import packageJson from '../../package.json';

/** The app version, written into the pack's producer line and manifest. */
export const PACK_VERSION: string = packageJson.version;
