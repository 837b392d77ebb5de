export { runAdapterContract, type ContractHarness, type TestApi } from './contract.js';
