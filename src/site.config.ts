/**
 * Branding, links and identity of this deployment, read from the district's configuration (district.yaml,
 * or the file CREDIT_CONFIG names). Nothing in the code names 道里区.
 */
import { loadDistrict } from './lib/district.ts';

export type { SiteConfig } from './lib/schemas/district.ts';

export const DISTRICT = loadDistrict();
export const SITE = DISTRICT.site;
