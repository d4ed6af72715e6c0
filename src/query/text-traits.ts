import { isQuantizedVariant } from '../legacy/text-model-name.js';

// Parsing a text model name costs microseconds; a search over a large catalogue asks again for
// every record on every query. Records are immutable objects, so the answer is kept beside each.
const QUANTIZED = new WeakMap<object, boolean>();

/** Whether a text record's name carries a quantisation marker (the server's `quantized` rule). */
export function isQuantizedRecord(record: object): boolean {
  let quantized = QUANTIZED.get(record);
  if (quantized === undefined) {
    quantized = isQuantizedVariant(String((record as { name?: unknown }).name));
    QUANTIZED.set(record, quantized);
  }
  return quantized;
}
