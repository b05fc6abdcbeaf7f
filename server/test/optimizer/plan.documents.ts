import realCodes from '../../../packages/game/src/codec/real-build-codes.json' with { type: 'json' };

/** Real chat codes copied in game; each entry of the file names where it was found. */
export const REAL_CODES = realCodes.codes;

/** A real chat code by its name in real-build-codes.json. */
export function realCode(name: string): string {
  const entry = REAL_CODES.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`No real build code named ${name}`);
  return entry.code;
}

export const OPTIMIZE = /* GraphQL */ `
  query Optimize($input: OptimizeSquadInput!) {
    optimizeSquad(input: $input) {
      gameMode
      size
      status
      objectiveValue
      mipGap
      solveTimeMs
      score {
        coveredSources
        requiredSources
        filledSlots
      }
      assignments {
        playerName
        slot
        subgroup
        buildId
        chatCode
        specialization
        profession
        roleKey
        roleLabel
        provides
        locked
      }
      subgroups {
        number
        provides
        members {
          slot
          playerName
        }
      }
      coverage {
        score
        subgroups {
          subgroup
          memberIds
          gaps {
            capability
            message
          }
          capabilities {
            capability
            providers {
              memberId
              label
            }
          }
        }
        gaps {
          subgroup
          capability
          message
        }
      }
      gaps {
        subgroup
        capability
        scope
        required
        present
        label
        message
      }
    }
  }
`;

interface Assignment {
  playerName: string | null;
  slot: number;
  subgroup: number;
  buildId: string | null;
  chatCode: string | null;
  specialization: string;
  profession: string;
  roleKey: string;
  roleLabel: string;
  provides: string[];
  locked: boolean;
}
export interface PlanResult {
  optimizeSquad: {
    gameMode: string;
    size: number;
    status: string;
    objectiveValue: number;
    mipGap: number | null;
    solveTimeMs: number;
    score: { coveredSources: number; requiredSources: number; filledSlots: number };
    assignments: Assignment[];
    subgroups: Array<{ number: number; provides: string[]; members: Array<{ slot: number }> }>;
    coverage: {
      score: number;
      subgroups: Array<{
        subgroup: number;
        memberIds: string[];
        gaps: Array<{ capability: string; message: string }>;
        capabilities: Array<{
          capability: string;
          providers: Array<{ memberId: string; label: string }>;
        }>;
      }>;
      gaps: Array<{ subgroup: number | null; capability: string; message: string }>;
    };
    gaps: Array<{ subgroup: number | null; capability: string; scope: string; message: string }>;
  };
}
