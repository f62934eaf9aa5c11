/**
 * The preview's watcher: calls back once a burst of changes under the folders has settled.
 *
 * chokidar watches the folders, not the files in them, so a file an editor replaces (vim,
 * JetBrains and sync tools write a new file and rename it over the old one, or delete the old
 * one and write it again) is still seen, as is a file in a folder made after the preview
 * started. Editors' own scratch files (a swap file, a backup ending in ~, vim's "4913" probe,
 * JetBrains' ___jb_tmp___) are left out, so they do not rebuild the report on their own.
 */
import { basename, resolve } from 'node:path';
import { watch } from 'chokidar';

/** How long the folders must be quiet after a change before the report is rebuilt, in ms. */
export const SETTLE_MS = 300;

/** Names editors write beside the file being saved, and never part of the data. */
export function isEditorScratch(path: string): boolean {
  const name = basename(path);
  // Dot files (vim's .x.swp, emacs' .#x, gedit's .goutputstream-*), backups (x~), vim's 4913,
  // swap files, JetBrains' x___jb_tmp___ and x___jb_old___, emacs' #x#, downloads in progress.
  return /^\.|~$|^4913$|\.sw[a-px]$|___jb_(?:tmp|old)___$|\.(?:tmp|temp|crdownload|part)$|^#.*#$/i.test(name);
}

export interface FolderWatch {
  close(): Promise<void>;
}

/**
 * Watches `folders` (and everything under them) and calls `changed` once after each burst of
 * changes. A watch error (a folder taken away) also counts as a change, so the rebuild shows
 * the problem in the page. Resolves once the watcher has read the folders and is listening.
 */
export async function watchFolders(names: string[], changed: () => void, settleMs = SETTLE_MS): Promise<FolderWatch> {
  const folders = names.map((name) => resolve(name));
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const settle = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(changed, settleMs);
  };
  const watcher = watch(folders, {
    ignoreInitial: true,
    // Only the top folders themselves may have a name that looks like scratch (a data folder in ~/.config, say).
    ignored: (path: string) => !folders.includes(path) && isEditorScratch(path),
    // An unlink followed soon by an add of the same file is one change (chokidar's default, stated here).
    atomic: true,
  });
  watcher.on('all', settle);
  watcher.on('error', settle);
  await new Promise<void>((resolve) => watcher.once('ready', resolve));
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
