// `npm start` without a display (as on CI): it must say so, print the bundled sample cleaned by the CLI, and tell
// how to load the built extension. `--no-build`: CI has built already, and a build here would race the bench's.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

it('npm start shows the sample article cleaned and how to load the extension', async () => {
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/start.ts', '--no-build'], { env });
  expect(stdout).toContain("Title:     Nantes : la troisième ligne de tramway sera prolongée jusqu'à Saint-Herblain");
  expect(stdout).toContain('Hashtags:  #TramNantes ×2, #Ligne3Autrement ×1');
  expect(stdout).toContain('Des commerçants inquiets pendant les travaux');
  const clutter = ['Tout accepter', 'Accueil', 'Publié le 09/10/2026', '12 commentaires', 'Signaler un abus', 'Je m\'inscris'];
  for (const line of clutter) expect(stdout).not.toContain(line);
  // What the clean-up itself took out (the cookie banner and the comments never reach Readability's article). The
  // video card goes with its player in one removal since the video rule takes the whole card.
  expect(stdout).toMatch(/Removed: .*video 1.*newsletter 1/);
  expect(stdout).toContain('chrome://extensions');
  expect(stdout).toContain('about:debugging#/runtime/this-firefox');
  expect(stdout).toContain('No display here');
});
