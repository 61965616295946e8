// The production manifests must hold no host permission and no content script for all sites: access to a
// site comes only from activeTab (a click) or the user's per-site grant for auto-clean.
import { readFileSync } from 'node:fs';

let bad = 0;
for (const dir of ['chrome-mv3', 'firefox-mv2', 'firefox-mv3']) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8'));
  } catch {
    continue;
  }
  const hostLike = (p) => p.includes('://') || p === '<all_urls>';
  const hosts = [
    ...(manifest.host_permissions ?? []),
    ...(manifest.permissions ?? []).filter(hostLike),
    ...(manifest.content_scripts ?? []).flatMap((cs) => cs.matches ?? []),
  ];
  console.log(`${dir}: host permissions ${JSON.stringify(hosts)}`);
  if (hosts.length) bad++;
}
if (bad) {
  console.error('A production manifest holds host permissions.');
  process.exit(1);
}
