import { expect } from 'chai';
import { TransportError } from '../../../src/errors.js';
import { applyPlan, layOutPlan, setUpPlan } from '../../../src/runners/verify/plan.js';
import { tearDownPlan, teardownOrder } from '../../../src/runners/verify/teardown.js';
import type { StateAction, StateChange, StateClient } from '../../../src/runners/verify/state-client.js';
import { openContract, type OperationContract } from '../../../src/validators/index.js';

/** A state client that records every change and refuses the ones `refuse` picks (as a provider answering 409 would). */
function recordingStates(refuse: (change: StateChange) => boolean = () => false): StateClient & { readonly log: Array<{ change: StateChange; action: StateAction }> } {
  const log: Array<{ change: StateChange; action: StateAction }> = [];
  return {
    log,
    async change(change, action) {
      if (action === 'setup' && refuse(change)) throw new TransportError(`state change "${change.state}" (setup) answered 409: duplicate`, 'http://states', { status: 409 });
      log.push({ change, action });
    },
  };
}

const customerOf = (change: StateChange): unknown => change.params['customerId'];

describe('verify plan: the data a run sets up through provider states', () => {
  let c: OperationContract;
  before(async () => {
    c = await openContract();
  });

  it('sets up documented record members only (a typed store keeps nothing else)', async () => {
    const states = recordingStates();
    await setUpPlan(c, states, 12, 7);
    const documented = new Set(['billingId', 'billingLinkUrl', 'priceGroupPackageBillingId', 'dimensions']);
    const records = states.log.filter(({ change }) => change.state === 'a customer with an integration').map(({ change }) => change.params['syncData']);
    expect(records.filter((syncData) => syncData !== null && typeof syncData === 'object').length).to.be.above(10);
    for (const syncData of records) if (syncData !== null && typeof syncData === 'object') for (const member of Object.keys(syncData)) expect(documented, member).to.include(member);
  });

  it('makes absent neighbours absent before their neighbour exists, and gives side-by-side twins records that differ', async () => {
    const states = recordingStates();
    const plan = await setUpPlan(c, states, 12, 7);
    const order = states.log.map(({ change }) => change);
    const baseAt = order.findIndex((change) => change.state === 'a customer with an integration' && change.params['integrationId'] === 'aBc9');
    const neighboursAt = order.findIndex((change) => change.state === 'a customer without the integration' && customerOf(change) === customerOf(order[baseAt] ?? { state: '', params: {} }));
    expect(neighboursAt).to.be.within(0, baseAt - 1);
    const twins = plan.fixtures.filter((fixture) => fixture.edgeClass?.startsWith('path/id:twin:'));
    expect(twins).to.have.length(4);
    const kept = new Set(twins.map((fixture) => (fixture.scenario.kind === 'existing' ? JSON.stringify(fixture.scenario.record) : '')));
    expect(kept.size).to.equal(4);
  });

  it('leaves out, named, an edge fixture the state URL refuses (and the absent ones resting on it); the run goes on', async () => {
    const refusesUpperTwin = (change: StateChange): boolean => change.state === 'a customer with an integration' && customerOf(change) === 'ABC9';
    const plan = await setUpPlan(c, recordingStates(refusesUpperTwin), 12, 7);
    expect(plan.problems).to.have.length(1);
    expect(plan.problems?.[0]).to.contain('path/id:twin:upper-case').and.contain('409');
    expect(plan.fixtures.some((fixture) => fixture.params['id'] === 'ABC9')).to.equal(false);
    const refusesNeighbours = (change: StateChange): boolean => change.state === 'a customer without the integration' && change.params['integrationId'] === 'ABC9';
    const chained = await setUpPlan(c, recordingStates(refusesNeighbours), 12, 7);
    const customer = chained.fixtures.find((fixture) => fixture.params['integrationId'] === 'aBc9')?.params['id'];
    expect(chained.fixtures.filter((fixture) => fixture.params['id'] === customer && fixture.scenario.kind === 'no-integration')).to.deep.equal([]);
  });

  it('a state URL that cannot be reached still ends the run (exit 2), as before', async () => {
    const unreachable: StateClient = { change: () => Promise.reject(new TransportError('state change failed: ECONNREFUSED', 'http://states')) };
    let thrown: unknown;
    await setUpPlan(c, unreachable, 12, 7).catch((error: unknown) => void (thrown = error));
    expect(thrown).to.be.instanceOf(TransportError);
  });

  it('tears down newest first, skipping what was undone already', async () => {
    const states = recordingStates();
    const plan = await setUpPlan(c, states, 2, 7);
    const [first] = plan.changes;
    const teardown = recordingStates();
    await tearDownPlan(plan, teardown, { done: new Set(first ? [first] : []) });
    expect(teardown.log.map(({ change }) => change)).to.deep.equal([...plan.changes].reverse().slice(0, -1));
  });

  it('a set-up that fails for good undoes what was set up before it throws; a stop ends the set-up with what it had', async () => {
    let count = 0;
    const states = recordingStates();
    const failing: StateClient = { change: (change, action) => (action === 'setup' && ++count === 5 ? Promise.reject(new TransportError('state change failed: ECONNRESET', 'http://states')) : states.change(change, action)) };
    await setUpPlan(c, failing, 12, 7).catch(() => undefined);
    const setups = states.log.filter(({ action }) => action === 'setup').map(({ change }) => change);
    expect(states.log.filter(({ action }) => action === 'teardown').map(({ change }) => change)).to.deep.equal([...setups].reverse());
    let stopAfter = 3;
    const stopped = await applyPlan(layOutPlan(c, 12, 7), recordingStates(), () => true, () => stopAfter-- <= 0);
    expect(stopped.changes.length).to.be.at.most(3);
  });

  it('after Ctrl+C the states with an effect go first, and what the window leaves undone is named', async () => {
    const plan = await setUpPlan(c, recordingStates(), 2, 7);
    const order = teardownOrder(plan.changes);
    expect(order[0]?.state).to.equal('the API key may not access the customer');
    // A state URL that takes longer than the window over its first teardown: nothing else is started.
    const slow: StateClient = { change: () => new Promise((resolve) => setTimeout(resolve, 50)) };
    const left = await tearDownPlan(plan, slow, { withinMs: 10 });
    expect(left).to.deep.equal([`${plan.changes.length - 1} of the run's ${plan.changes.length} provider state changes were not torn down: the run was interrupted, and its teardown is bounded by 10 ms`]);
  });
});
