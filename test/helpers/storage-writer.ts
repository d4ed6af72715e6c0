// A separate process writing one key of a fileStorage folder again and again, for the
// concurrency and kill tests: `node --import tsx storage-writer.ts <dir> <key> <writer> <count> <size>`.
// Each value is JSON whose padding is the writer's letter only, so a mixed file is detectable.
// It reports `writing` before each write, and `done` (or the error) at the end.
import { fileStorage } from '../../src/node.js';

const [directory = '', key = '', writer = '', count = '1', size = '1'] = process.argv.slice(2);
const storage = fileStorage(directory);
const send = (message: string) => process.send?.(message);
try {
  for (let i = 0; i < Number(count); i++) {
    send('writing');
    await storage.set(key, JSON.stringify({ writer, i, pad: writer.repeat(Number(size)) }));
  }
  send('done');
} catch (error) {
  send(`failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
}
