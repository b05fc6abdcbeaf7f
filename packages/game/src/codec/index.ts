/** Build template chat links (`[&DQ...]`): decode to plain data, encode back byte for byte. */
export { decodeBuildCode } from './decode.js';
export { encodeBuildCode } from './encode.js';
export { BuildCodeError, BuildCodeErrorReason } from './errors.js';
export type {
  BuildCodeFormat,
  BuildTemplate,
  LegendSlots,
  RangerPets,
  RevenantLegends,
  SkillBar,
  TraitChoice,
  TraitLine,
  Triple,
} from './types.js';
