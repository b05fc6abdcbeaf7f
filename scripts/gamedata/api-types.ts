/** The parts of the official API v2 responses (schema 2019-12-19T00:00:00Z) that the catalog keeps. */

export interface ApiProfession {
  id: string;
  name: string;
  code: number;
  icon: string;
  specializations: number[];
  weapons: Record<string, { flags: string[]; specialization?: number; skills?: unknown[] }>;
}

export interface ApiSpecialization {
  id: number;
  name: string;
  profession: string;
  elite: boolean;
  icon?: string;
  minor_traits: number[];
  major_traits: number[];
}

/** A trait fact; only the fields the transform reads are typed. */
export interface ApiFact {
  type: string;
  text?: string;
  status?: string;
  duration?: number;
  apply_count?: number;
  value?: number;
}

export interface ApiTrait {
  id: number;
  name: string;
  description?: string;
  icon?: string;
  specialization: number;
  tier: number;
  order: number;
  slot: string;
  facts?: ApiFact[];
  traited_facts?: (ApiFact & { requires_trait?: number; overrides?: number })[];
}

export interface ApiLegend {
  id: string;
  code: number;
  swap: number;
  heal: number;
  elite: number;
  utilities: number[];
}

/** /v2/skills entries of the legend swap skills: they carry the legend's name and elite specialization. */
export interface ApiSkill {
  id: number;
  name: string;
  specialization?: number;
}

export interface ApiPet {
  id: number;
  name: string;
}

export interface ApiItemStat {
  id: number;
  name: string;
  attributes: { attribute: string; multiplier: number; value: number }[];
}

export interface ApiResponses {
  professions: ApiProfession[];
  specializations: ApiSpecialization[];
  traits: ApiTrait[];
  legends: ApiLegend[];
  legendSwapSkills: ApiSkill[];
  pets: ApiPet[];
  itemstats: ApiItemStat[];
}
