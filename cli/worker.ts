// A batch worker thread of `clarte clean` (cli/pool.ts): cleans the inputs the main thread sends, one at a time.
import { cleanInput } from './clean.ts';
import { serveJobs } from './serve-jobs.ts';

serveJobs(cleanInput);
