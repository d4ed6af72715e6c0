// A test suite with msw (whose own types need the DOM library).
import { ModelReferenceManager } from 'horde-model-reference';
import { createStandInPrimary } from 'horde-model-reference/testing';

const standIn = createStandInPrimary();
export const refs = new ModelReferenceManager({ fetch: standIn.fetch });
