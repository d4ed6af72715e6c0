// A Node script (nodenext, @types/node, no DOM library): the core and ./node must compile here.
import { ModelReferenceManager } from 'horde-model-reference';
import { fileCoordinator, fileStorage, startStandInServer } from 'horde-model-reference/node';
import { redisCoordinator } from 'horde-model-reference/redis';

await using refs = new ModelReferenceManager({ storage: fileStorage('/tmp/cache') });
export const used = [refs, fileCoordinator, startStandInServer, redisCoordinator];
