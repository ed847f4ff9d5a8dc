/** The end-to-end tests' web server: `node tests/e2e/serve.ts PORT`. */
import { serveDist } from '../../scripts/serve-dist.ts';

const { base } = await serveDist(Number(process.argv[2] ?? 4329));
console.log(`serving dist on ${base}/`);
