// The renderer's layer rule bites: ESLint, run with the project's own configuration, refuses an
// import that crosses a wall and accepts the same file importing what its layer may.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerOf } from '../../eslint/rendererLayers.js';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function crossings(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'motcua/renderer-layers').map((m) => m.message);
}

describe('renderer layers (eslint/rendererLayers.js)', () => {
  it('names the layer of a file: each feature is its own, index imports are their folder', () => {
    expect(layerOf(join(root, 'renderer/features/receive/accept.ts'))).toBe('features/receive');
    expect(layerOf(join(root, 'renderer/features/dossier/digitise/store.ts'))).toBe('features/dossier');
    expect(layerOf(join(root, 'renderer/db'))).toBe('db');
    expect(layerOf(join(root, 'renderer/main.tsx'))).toBe('(root)');
    expect(layerOf(join(root, 'shared/domain/index.ts'))).toBeUndefined();
  });

  it('refuses a feature importing another feature, and a layer below the shell importing the shell', async () => {
    expect(await crossings('renderer/features/receive/probe.ts', "import { returnDossier } from '../return/returnDossier';\nexport const x = returnDossier;\n")).toEqual([
      expect.stringMatching(/Lớp «features\/receive» không được import lớp «features\/return»/),
    ]);
    expect(await crossings('renderer/kiosk/probe.ts', "import { Shell } from '../app/Shell';\nexport const x = Shell;\n")).toEqual([expect.stringMatching(/«kiosk» không được import lớp «app»/)]);
    expect(await crossings('renderer/desk/probe.ts', "export { acceptDossier } from '../features/receive/accept';\n")).toEqual([
      expect.stringMatching(/«desk» không được import lớp «features\/receive»/),
    ]);
    expect(await crossings('renderer/db/probe.ts', "import type { DeskContext } from '../desk/context';\nexport type X = DeskContext;\n")).toHaveLength(1);
  });

  it('keeps the browser administration page (webadmin/) to the admin feature: never the kiosk, its host or its database', async () => {
    expect(await crossings('renderer/webadmin/probe.ts', "import { AdminSection } from '../features/admin/AdminSection';\nexport const x = AdminSection;\n")).toEqual([]);
    expect(await crossings('renderer/webadmin/probe.ts', "import { openDb } from '../kiosk/kiosk';\nexport const x = openDb;\n")).toEqual([
      expect.stringMatching(/«webadmin» không được import lớp «kiosk»/),
    ]);
    expect(await crossings('renderer/webadmin/probe.ts', "import { MotCuaDb } from '../db';\nexport const x = MotCuaDb;\n")).toEqual([expect.stringMatching(/«webadmin» không được import lớp «db»/)]);
    expect(await crossings('renderer/probe.tsx', "import { AdminApp } from './webadmin/AdminApp';\nexport const x = AdminApp;\n")).toEqual([]);
  });

  it('accepts what a layer may import: the dossier feature, the desk, the kiosk, the database, shared/', async () => {
    const code = [
      "import { DossierCard } from '../dossier/DossierCard';",
      "import { useDesk } from '../../desk/useDesk';",
      "import { useKiosk } from '../../kiosk/kiosk';",
      "import { recordCommand } from '../../db';",
      "import { applyEvent } from '../../../shared/domain';",
      'export const all = [DossierCard, useDesk, useKiosk, recordCommand, applyEvent];',
    ].join('\n');
    expect(await crossings('renderer/features/tracking/probe.ts', code)).toEqual([]);
    expect(await crossings('renderer/features/receive/probe.test.ts', "import { returnDossier } from '../return/returnDossier';\nexport const x = returnDossier;\n")).toEqual([]);
  });
});
