import type { APIRoute } from 'astro';
import { siteData } from '../../lib/view/data.ts';

export const GET: APIRoute = async () => {
  const { subjects } = await siteData();
  return new Response(`${JSON.stringify(subjects)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
