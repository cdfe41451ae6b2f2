/** A practice's citation as RIS (lib/data/citation-files.ts). */
import type { APIRoute } from 'astro';
import { citationFile } from '../../../lib/data/citation-files';
import { practiceJsonPaths } from '../../../lib/data/static-paths';

export const getStaticPaths = practiceJsonPaths;
export const GET: APIRoute = (context) => citationFile(context, 'ris');
