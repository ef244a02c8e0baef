// `npm run hosting`: rewrites the shipped host configurations in hosting/ from src/hosting/headers.ts.
import { writeFileSync } from 'node:fs';
import { headersFile, nginxConf } from '../src/hosting/configs.ts';

writeFileSync(new URL('../hosting/nginx.conf', import.meta.url), nginxConf());
writeFileSync(new URL('../hosting/_headers', import.meta.url), headersFile());
console.log('wrote hosting/nginx.conf and hosting/_headers');
