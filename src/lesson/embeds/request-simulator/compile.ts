import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { SimulatorDefinition } from '../../../sandbox/simulatorSession.ts';
import { simulatorView } from '../../../sandbox/simulatorSession.ts';
import { defineEmbedCompiler } from '../../build/embedCompiler.ts';
import { embedId } from '../../build/schemas.ts';
import { requestSimulator } from './embed.ts';

export const requestSimulatorCompiler = defineEmbedCompiler(requestSimulator, {
  attributes: z.strictObject({
    id: embedId,
    src: z.string(),
    scenarios: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'scenarios="..." must name a set, e.g. "flow"' }),
  }),
  doc: {
    written: '`::request-simulator{id="…" src="simulator/scenarios.ts" scenarios="flow"}`',
    attributes:
      "`id`; `src`: the lesson's simulator module (`defineSimulator`: its API and scenarios); `scenarios`: the set of its scenarios to show (jwt-auth: `flow` or `troubleshooting`)",
    shows:
      "the lesson's Flask-style API simulated in the page, with one-click scenarios, an HTTP client and the exchanges drawn as a sequence",
  },
  async compile({ attributes, lessonDir, relative, error, watch }) {
    const file = path.resolve(lessonDir, attributes.src);
    if (path.isAbsolute(attributes.src) || !file.startsWith(lessonDir + path.sep) || !/\.ts$/.test(file)) {
      error(`src="${attributes.src}" must be a .ts file inside the lesson's folder`);
      return undefined;
    }
    if (!existsSync(file)) {
      error(`src="${attributes.src}" names no file (looked for ${relative(file)})`);
      return undefined;
    }
    watch([file]);
    let simulator: SimulatorDefinition;
    try {
      simulator = await loadSimulator(file);
    } catch (cause) {
      error(`the simulator ${attributes.src} could not be loaded: ${cause instanceof Error ? cause.message : cause}`);
      return undefined;
    }
    const ids = simulator.scenarios.map((scenario) => scenario.id);
    const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
    if (repeated.length > 0) error(`the simulator ${attributes.src} repeats the scenario ids ${repeated.join(', ')}`);
    const view = simulatorView(simulator, attributes.scenarios);
    if (typeof view === 'string') {
      error(view);
      return undefined;
    }
    const { id, scenarios } = attributes;
    return {
      data: { name: 'request-simulator', id, scenarios, ...view },
      // The module (the API and the scenarios' code) comes in this chunk, on first use.
      chunk: { id, data: {}, modules: { simulator: file } },
    };
  },
});

/** Imports a simulator module at build time (through Vite's module runner). */
async function loadSimulator(file: string): Promise<SimulatorDefinition> {
  const { runnerImport } = await import('vite');
  const { module } = await runnerImport<{ default?: SimulatorDefinition }>(file, {
    configFile: false,
    logLevel: 'silent',
  });
  const simulator = module.default;
  if (!simulator || typeof simulator.createApi !== 'function' || !Array.isArray(simulator.scenarios)) {
    throw new Error('its default export is not a simulator (defineSimulator({...}))');
  }
  return simulator;
}
