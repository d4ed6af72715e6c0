import { MemoryFleetStore, memoryCoordinator } from '../../src/testing.js';
import { describeBackendContract } from './backend-contract.js';
import { describeMemberContract } from './member-contract.js';

let store = new MemoryFleetStore();
const harness = {
  async setUp() {
    store = new MemoryFleetStore();
  },
  async tearDown() {},
  async connect() {
    return memoryCoordinator({ store, leaseTtlMs: 600 });
  },
  outage: {
    async down() {
      store.unreachable = true;
    },
    async up() {
      store.unreachable = false;
    },
  },
  async wipe() {
    store.wipe();
  },
};

describeBackendContract('memory', harness);
describeMemberContract('memory', harness);
