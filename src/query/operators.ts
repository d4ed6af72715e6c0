import { compareNullable } from './compare.js';
import type { Operator } from './field-path.js';

/** Whether a record's `value` satisfies `operator` against `operand` (checked by `where`). */
export function testOperator(operator: Operator, value: unknown, operand: unknown): boolean {
  const missing = value === null || value === undefined;
  switch (operator) {
    case 'eq':
      return value === operand;
    case 'ne':
      return value !== operand;
    case 'in':
      return (operand as readonly unknown[]).includes(value);
    case 'contains':
      if (Array.isArray(value)) return value.includes(operand);
      return typeof value === 'string' && typeof operand === 'string' && value.includes(operand);
    default: {
      if (missing) return false;
      const order = compareNullable(value, operand);
      return operator === 'lt'
        ? order < 0
        : operator === 'lte'
          ? order <= 0
          : operator === 'gt'
            ? order > 0
            : order >= 0;
    }
  }
}
