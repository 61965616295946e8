// Vitest global setup: the CLI tests spawn the bundled CLI (dist/), so bundle it from the current sources first.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
}
