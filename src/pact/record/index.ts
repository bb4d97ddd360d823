/** Recording a pact from a client's traffic (`mock --record-pact`): the public surface of src/pact/record. */
export { PactRecorder, type RecordedPact } from './pact-recorder.js';
export { behaviourOf, documentedOnly, type RecordedExchange } from './behaviour.js';
