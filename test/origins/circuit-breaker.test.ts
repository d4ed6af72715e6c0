import { describe, expect, it } from 'vitest';
import { CircuitBreaker, DEFAULT_CIRCUIT_BREAKER } from '../../src/origins/circuit-breaker.js';
import { setup } from '../helpers/manager.js';

describe('CircuitBreaker', () => {
  it('opens after the threshold, lets one probe through after the cool-down, doubles on a failed probe', () => {
    let now = 0;
    const breaker = new CircuitBreaker(
      { failureThreshold: 3, coolDownMs: 1_000, maxCoolDownMs: 3_000 },
      () => now,
    );
    breaker.fail('k');
    breaker.fail('k');
    expect(breaker.acquire('k')).toBeNull();
    breaker.fail('k');
    expect(breaker.state('k')).toEqual({ state: 'open', consecutiveFailures: 3, openUntil: 1_000 });
    expect(breaker.acquire('k')).toMatch(/cooling down after 3 failure/);
    now = 1_000;
    expect(breaker.acquire('k')).toBeNull();
    expect(breaker.acquire('k')).toMatch(/probe/);
    expect(breaker.state('k').state).toBe('half-open');
    breaker.fail('k');
    expect(breaker.state('k').openUntil).toBe(3_000);
    now = 3_000;
    expect(breaker.acquire('k')).toBeNull();
    breaker.fail('k');
    expect(breaker.state('k').openUntil).toBe(6_000);
    now = 6_000;
    expect(breaker.acquire('k')).toBeNull();
    breaker.succeed('k');
    expect(breaker.state('k')).toEqual({
      state: 'closed',
      consecutiveFailures: 0,
      openUntil: null,
    });
  });

  it('opens at once for host-level failures', () => {
    const breaker = new CircuitBreaker({ ...DEFAULT_CIRCUIT_BREAKER, coolDownMs: 500 }, () => 0);
    breaker.fail('host', true);
    expect(breaker.state('host').state).toBe('open');
  });
});

describe('circuit breaking in the manager', () => {
  it('a dead PRIMARY costs one timeout: later reads during the cool-down skip it', async () => {
    const { refs, standIn } = setup({ circuitBreaker: { coolDownMs: 60_000 } });
    standIn.setFault('primary', 'hang');
    await refs.getCategory('clip');
    await refs.getCategory('esrgan');
    await refs.getCategory('image_generation');
    expect(standIn.count('v2')).toBe(1);
    expect(standIn.count('v1')).toBe(0);
    expect(standIn.count('github')).toBe(3);
    expect(refs.status().chain.v2?.circuit.state).toBe('open');
    expect(refs.status().chain.v1?.circuit.state).toBe('open');
  });

  it('an HTTP error on v2 does not condemn v1', async () => {
    const { refs, standIn } = setup({
      circuitBreaker: { failureThreshold: 1, coolDownMs: 60_000 },
    });
    standIn.setFault('v2', 'server-error', { status: 502 });
    await refs.getCategory('clip');
    await refs.getCategory('esrgan');
    expect(refs.status().categories.esrgan?.origin).toBe('v1');
    expect(refs.status().chain.v2?.circuit.state).toBe('open');
    expect(refs.status().chain.v1?.circuit.state).toBe('closed');
    expect(standIn.count('github')).toBe(0);
  });

  it('a 404 is an answer, not a fault: it never opens the circuit', async () => {
    const { refs, standIn } = setup({ circuitBreaker: { failureThreshold: 1 } });
    standIn.setFault('v2', 'not-found');
    await refs.getCategory('clip');
    await refs.getCategory('blip');
    expect(standIn.count('v2')).toBe(2);
    expect(refs.status().chain.v2?.circuit.state).toBe('closed');
  });
});
