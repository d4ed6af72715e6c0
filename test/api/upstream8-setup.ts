// Shared by the 8.x API tests: a client on a stand-in answering as one service generation.

import { type ApiClient, createApiClient } from '../../src/api.js';
import {
  createStandInPrimary,
  type ServerGeneration,
  type StandInOptions,
  type StandInPrimary,
} from '../../src/testing.js';

/** A stand-in answering as `generation`, and a client (with `apiKey`, no retries) on it. */
export function setup(
  generation: ServerGeneration,
  apiKey = 'approver-key',
  more: StandInOptions = {},
): { standIn: StandInPrimary; api: ApiClient } {
  const standIn = createStandInPrimary({ generation, ...more });
  const api = createApiClient({
    baseUrl: standIn.primaryUrl,
    fetch: standIn.fetch,
    retry: 0,
    apiKey,
  });
  return { standIn, api };
}

/** A text model with a published guidance assignment in the 8.x fixtures. */
export const HERMES = 'NousResearch/Hermes-3-Llama-3.1-70B';
