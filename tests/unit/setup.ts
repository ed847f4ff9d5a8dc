/** Run before each test file (vitest.config.ts setupFiles): its temporary folders go when it ends. */
import { afterAll } from 'vitest';
import { removeTempFolders } from './helpers.ts';

afterAll(removeTempFolders);
