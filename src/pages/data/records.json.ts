import type { APIRoute } from 'astro';
import { siteData } from '../../lib/view/data.ts';

export const GET: APIRoute = async () => {
  const { records } = await siteData();
  return new Response(`${JSON.stringify(records)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
