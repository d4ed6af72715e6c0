import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isInvalidOptionsError, ModelReferenceManager } from '../../src/index.js';
import { type StandInServer, startStandInServer } from '../../src/node.js';
import { createStandInPrimary, type StandInPrimary } from '../../src/testing.js';

const catchError = (run: () => void): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('startStandInServer (real sockets on 127.0.0.1)', () => {
  let server: StandInServer<StandInPrimary>;
  beforeAll(async () => {
    server = await startStandInServer(createStandInPrimary);
  });
  afterAll(() => server.close());
  afterEach(() => {
    server.standIn.setFault('primary', 'ok');
    server.standIn.setFault('github', 'ok');
  });

  const manager = (options = {}) =>
    new ModelReferenceManager({
      primaryUrl: server.primaryUrl,
      github: { rawBaseUrl: server.githubRawUrl },
      timeoutMs: 300,
      ...options,
    });

  it('serves the PRIMARY and GitHub routes over HTTP', async () => {
    const refs = manager();
    expect(Object.keys(await refs.getCategory('image_generation'))).toHaveLength(8);
    const heartbeat = await (await fetch(`${server.primaryUrl}/heartbeat`)).json();
    expect(heartbeat).toMatchObject({ status: 'ok' });
    const csv = await (
      await fetch(
        `${server.githubRawUrl}/Haidra-Org/AI-Horde-text-model-reference/refs/heads/main/models.csv`,
      )
    ).text();
    expect(csv.startsWith('name,parameters_bn')).toBe(true);
  });

  it('a refused PRIMARY (socket destroyed) falls back to GitHub', async () => {
    server.standIn.setFault('primary', 'refuse');
    const refs = manager();
    expect(Object.keys(await refs.getCategory('clip'))).toHaveLength(2);
    expect(refs.status().categories.clip?.origin).toBe('github');
  });

  it('a hanging PRIMARY costs one timeout, then GitHub serves', async () => {
    server.standIn.setFault('primary', 'hang');
    const refs = manager();
    expect(Object.keys(await refs.getCategory('esrgan'))).toHaveLength(1);
    expect(refs.status().categories.esrgan?.origin).toBe('github');
    expect(refs.status().chain.v1?.requests).toBe(0);
  });

  it('refuses an unknown fault by name, and keeps serving', async () => {
    const { setFault } = server.standIn;
    expect(() => setFault('github', 'garbage' as never)).toThrow(
      /Invalid option mode: "garbage" is not one of ok, not-found/,
    );
    expect(() => setFault('primry' as never, 'hang')).toThrow(/Did you mean "primary"\?/);
    expect(isInvalidOptionsError(catchError(() => setFault('v2', 'hangs' as never)))).toBe(true);
    expect((await fetch(`${server.primaryUrl}/heartbeat`)).status).toBe(200);
  });

  it('drops the connection of a request its handler fails or answers nothing to, and keeps serving', async () => {
    const broken = await startStandInServer(() => ({
      answer: async (request: Request) => {
        if (request.url.endsWith('/throws')) throw new Error('handler bug');
        if (request.url.endsWith('/nothing')) return undefined as never;
        return new Response('fine');
      },
    }));
    try {
      await expect(fetch(`${broken.primaryUrl}/throws`)).rejects.toThrow(TypeError);
      await expect(fetch(`${broken.primaryUrl}/nothing`)).rejects.toThrow(TypeError);
      expect(await (await fetch(`${broken.primaryUrl}/ok`)).text()).toBe('fine');
    } finally {
      await broken.close();
    }
  });

  it('answers names containing / on the model route with 404, as the real server', async () => {
    const response = await fetch(
      `${server.primaryUrl}/model_references/v2/clip/model/${encodeURIComponent('ViT-L/14')}`,
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ detail: 'Not Found' });
    const ok = await fetch(`${server.primaryUrl}/model_references/v2/clip/model/coca_ViT-L-14`);
    expect((await ok.json()).name).toBe('coca_ViT-L-14');
  });
});

describe('msw handlers of the stand-in', () => {
  const standIn = createStandInPrimary();
  const mswServer = setupServer(...standIn.handlers);
  beforeAll(() => mswServer.listen());
  afterAll(() => mswServer.close());

  it('serve a manager that uses the global fetch', async () => {
    const refs = new ModelReferenceManager({
      primaryUrl: standIn.primaryUrl,
      github: { rawBaseUrl: standIn.githubRawUrl },
    });
    expect(Object.keys(await refs.getCategory('text_generation'))).toHaveLength(7);
    standIn.setFault('primary', 'refuse');
    expect(Object.keys(await refs.refresh('controlnet'))).toHaveLength(2);
    expect(refs.status().categories.controlnet?.origin).toBe('github');
  });
});
