export {
  runAdapterContract,
  runAdapterShapeContract,
  type ContractHarness,
  type ShapeHarness,
  type TestApi,
} from './contract.js';
