// A browser app, bundled: DOM types, no @types/node. Every isomorphic entry must compile here.

import {
  indexedDbStorage,
  ModelReferenceManager,
  type RecordOf,
  selectModels,
} from 'horde-model-reference';
import { createApiClient, isConnectionError } from 'horde-model-reference/api';
import { memoryCoordinator } from 'horde-model-reference/fleet';
import { parseRecord } from 'horde-model-reference/schemas';

const refs = new ModelReferenceManager({ storage: indexedDbStorage() });
const clip: RecordOf<'clip'> | undefined = await refs.findModel('clip', 'ViT-L/14');
const api = createApiClient();
export const used = [clip, api, isConnectionError, parseRecord, memoryCoordinator, selectModels];
