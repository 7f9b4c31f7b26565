/** Types of build.js (plain JavaScript, so the launcher can run it without a TypeScript loader). */
import type { Metafile } from 'esbuild';

/** Where the bundle goes, relative to the project root. */
export const BUNDLE: string;
/** The bundle's path for a project root (default: this checkout). */
export function bundlePath(root?: string): string;
/** Builds root/scripts/cli/main.ts into the bundle; returns esbuild's metafile (paths relative to root). */
export function buildCli(root?: string): Metafile;
/** True when esbuild can be loaded. */
export function canBuild(): boolean;
/** True when the bundle is missing or older than a source of the CLI. */
export function isStale(root?: string): boolean;
/** The newest modification time (ms) among the CLI's sources and their folders. */
export function newestSource(root?: string): number;
