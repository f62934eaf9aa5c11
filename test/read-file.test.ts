/**
 * The one reader of users' files: regular files only, checked before opening, and capped by
 * the bytes actually read, whatever the file system says the size is.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegularFile, RefusedFile } from '../src/read-file.js';
import { tempDir } from './helpers.js';

async function refusal(path: string, maxBytes = 1024): Promise<RefusedFile> {
  const error = await readRegularFile(path, maxBytes).then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(RefusedFile);
  return error as RefusedFile;
}

describe('readRegularFile', () => {
  const dir = tempDir('report-read-');

  it('reads an ordinary file', async () => {
    writeFileSync(join(dir, 'a.yaml'), 'name: x\n');
    expect((await readRegularFile(join(dir, 'a.yaml'), 1024)).toString()).toBe('name: x\n');
  });

  it('caps by bytes read: a file whose reported size is 0 but which holds more is refused', async () => {
    // /proc files report a size of 0 and hold several hundred bytes.
    expect((await refusal('/proc/self/status', 100)).message).toMatch(/^is too large \(more than /);
  });

  it('refuses a device, and a link to one, before reading a byte', async () => {
    expect((await refusal('/dev/zero')).message).toBe('is a device, not a file');
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    expect((await refusal(join(dir, 'zero.yaml'))).message).toBe('is a device, not a file');
  });

  it('refuses a FIFO without waiting on it', async () => {
    const fifo = join(dir, 'pipe.yaml');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect((await refusal(fifo)).message).toBe('is a pipe (FIFO), not a file');
  });

  it('names a folder, a dangling link and a loop', async () => {
    mkdirSync(join(dir, 'folder.yaml'));
    expect((await refusal(join(dir, 'folder.yaml'))).message).toBe('is a folder, not a file');
    symlinkSync('nowhere.yaml', join(dir, 'dangling.yaml'));
    expect((await refusal(join(dir, 'dangling.yaml'))).message).toBe('is a link to a file that does not exist');
    symlinkSync('loop-b.yaml', join(dir, 'loop-a.yaml'));
    symlinkSync('loop-a.yaml', join(dir, 'loop-b.yaml'));
    expect((await refusal(join(dir, 'loop-a.yaml'))).message).toBe('is a link that leads round in a loop');
  });
});
