// Reads an `export ota` folder with Open Terms Archive's own engine: its git repository class
// (the one its API, dataset and tracker use) parses every commit of both repositories, and every
// snapshot id a version names must be a snapshot the engine finds by id.
// Usage: node read-export.mjs ENGINE_DIR EXPORT_DIR
import path from 'path';
import { pathToFileURL } from 'url';

const [engineDir, exportDir] = process.argv.slice(2);
const { default: GitRepository } = await import(pathToFileURL(path.join(engineDir, 'src/archivist/recorder/repositories/git/index.js')));

const author = { name: 'ota-check', email: 'ota-check@invalid' };
const open = async name => new GitRepository({ path: path.resolve(exportDir, name), author, snapshotIdentiferTemplate: '%SNAPSHOT_ID' }).initialize();
const snapshots = await open('snapshots');
const versions = await open('versions');

let versionCount = 0;
let referenced = 0;
const problems = [];
for await (const version of versions.iterate()) {
  versionCount++;
  if (!version.content) problems.push(`version ${version.id} of ${version.serviceId} ${version.termsType} has no content`);
  for (const id of version.snapshotIds || []) {
    const snapshot = await snapshots.findById(id);
    if (!snapshot || snapshot.serviceId !== version.serviceId || snapshot.termsType !== version.termsType) {
      problems.push(`version ${version.id} names snapshot ${id}, which the engine does not find for ${version.serviceId} ${version.termsType}`);
    }
    referenced++;
  }
}
const snapshotCount = await snapshots.count();
const versionCountByMessage = await versions.count();
console.log(`engine read ${versionCount} versions (count by message: ${versionCountByMessage}), ${snapshotCount} snapshots, ${referenced} snapshot references resolved`);
if (versionCount !== versionCountByMessage) problems.push(`iterate() gave ${versionCount} versions but count() ${versionCountByMessage}`);
for (const p of problems) console.error(p);
process.exit(problems.length ? 1 : 0);
