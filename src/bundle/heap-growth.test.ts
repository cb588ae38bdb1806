import { describe, expect, it } from 'vitest';
import { BIG_BUILD_NODE_FLAGS, bigBuildNodeFlags } from './heap-growth.ts';

describe('bigBuildNodeFlags', () => {
  it('leaves TurboFan on where Maglev is off by default (V8 11 and 12: Node 20, 22)', () => {
    expect(bigBuildNodeFlags('11.3.244.8-node.38')).toEqual(['--max-semi-space-size=8']);
    expect(bigBuildNodeFlags('12.4.254.21-node.57')).toEqual(['--max-semi-space-size=8']);
  });

  it('turns TurboFan off from V8 13 (Node 24), Maglev then being the top tier', () => {
    expect(bigBuildNodeFlags('13.6.233.17-node.41')).toEqual(['--max-semi-space-size=8', '--no-turbofan']);
    expect(bigBuildNodeFlags('14.1.0')).toEqual(['--max-semi-space-size=8', '--no-turbofan']);
  });

  it('gives this process its own V8’s flags', () => {
    expect(BIG_BUILD_NODE_FLAGS).toEqual(bigBuildNodeFlags(process.versions.v8));
  });
});
