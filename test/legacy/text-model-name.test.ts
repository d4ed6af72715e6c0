import { describe, expect, it } from 'vitest';
import { roundHalfEven } from '../../src/legacy/convert-text.js';
import {
  getBaseModelName,
  isQuantizedVariant,
  normalizeModelName,
  parseTextModelName,
  stripBackendPrefix,
} from '../../src/schemas.js';

describe('text model names', () => {
  // Expected values come from the reference parser's documented behaviour (peer-records.md 4.6).
  it.each([
    ['koboldcpp/sophosympatheia/StrawberryLemonade-L3-70B-v1.2', 'StrawberryLemonade-L3'],
    ['ReadyArt/4.2.0-Broken-Tutu-24b', 'Broken-Tutu'],
    ['mistralai/Ministral-3-14B-Instruct-2512', 'Ministral-3'],
    ['anthracite-org/magnum-12b-v2', 'magnum'],
    ['EleutherAI/pythia-70m-deduped', 'pythia-deduped'],
    ['Qwen/Qwen3.5-35B-A3B', 'Qwen3.5-A3B'],
    ['lightblue/Karasu-Mixtral-8x22B-v0.1', 'Karasu-Mixtral-8x2'],
    ['SicariusSicariiStuff/2B-ad', 'ad'],
    ['aphrodite/ReadyArt/Broken-Tutu-24B', 'Broken-Tutu'],
  ])('%s groups under %s', (name, base) => {
    expect(getBaseModelName(name)).toBe(base);
  });

  it('splits size, version, quant, variant and extras', () => {
    expect(parseTextModelName('Llama-3-8B-Instruct-Q4_K_M')).toMatchObject({
      baseName: 'Llama-3',
      size: '8B',
      variant: 'Instruct',
      quant: 'Q4_K_M',
      version: null,
    });
    const ministral = parseTextModelName('Ministral-3-14B-Instruct-2512');
    expect(ministral.extras).toEqual([{ value: '2512', position: 2, inferredType: 'DATE' }]);
    expect(parseTextModelName('4.2.0-Broken-Tutu-24b').extras[0]).toEqual({
      value: '4.2.0',
      position: 0,
      inferredType: 'LEADING_VERSION',
    });
    expect(parseTextModelName('---').baseName).toBe('---');
  });

  it('treats _ as a word character at quant boundaries, like Python', () => {
    expect(isQuantizedVariant('model-Q4_K_M')).toBe(true);
    expect(isQuantizedVariant('model_Q4')).toBe(false);
    expect(isQuantizedVariant('Mistral-7B-GGUF')).toBe(true);
    expect(isQuantizedVariant('model-fp16')).toBe(true);
    expect(isQuantizedVariant('Llama-3-8B-Instruct')).toBe(false);
  });

  it('normalises and strips prefixes', () => {
    expect(normalizeModelName('Llama-3-8B Instruct.v1')).toBe('llama_3_8b_instruct_v1');
    expect(stripBackendPrefix('koboldcpp/x')).toBe('x');
    expect(stripBackendPrefix('other/x')).toBe('other/x');
  });

  it('rounds halves to even for size tags, as Python does', () => {
    expect([0.5, 1.5, 2.5, 4.5, 7.5, 0.124, 12.6].map(roundHalfEven)).toEqual([
      0, 2, 2, 4, 8, 0, 13,
    ]);
  });
});
