/**
 * A small writer of CPLEX LP text for the two solves of the lexicographic objective: every
 * objective term belongs to a tier, PRIMARY (coverage, then fill) or BALANCE (balance, then
 * preferences). Phase 1 maximises PRIMARY; phase 2 keeps PRIMARY at its optimum with a row and
 * maximises BALANCE.
 */
export type Term = readonly [coefficient: number, column: string];
export type Tier = 'PRIMARY' | 'BALANCE';

/** Which solve the text is for: phase 2 carries the floor phase 1 proved for PRIMARY. */
export type Phase =
  { readonly tier: 'PRIMARY' } | { readonly tier: 'BALANCE'; readonly floor: number };

export class LpWriter {
  private readonly objectives: Record<Tier, Term[]> = { PRIMARY: [], BALANCE: [] };
  private readonly rows: string[] = [];
  private readonly bounds: string[] = [];
  private readonly integers: string[] = [];
  private readonly binaries: string[] = [];

  addObjective(coefficient: number, column: string, tier: Tier = 'PRIMARY'): void {
    if (coefficient !== 0) this.objectives[tier].push([coefficient, column]);
  }

  addRow(name: string, terms: readonly Term[], sense: '<=' | '>=' | '=', rhs: number): void {
    const active = terms.filter(([coefficient]) => coefficient !== 0);
    if (active.length === 0) return;
    this.rows.push(` ${name}: ${formatTerms(active)} ${sense} ${rhs}`);
  }

  binary(column: string): void {
    this.binaries.push(column);
  }

  integer(column: string, lower: number, upper: number): void {
    this.bounds.push(` ${lower} <= ${column} <= ${upper}`);
    this.integers.push(column);
  }

  continuous(column: string, lower: number, upper: number): void {
    this.bounds.push(` ${lower} <= ${column} <= ${upper}`);
  }

  /**
   * Adds penalty·value² for an integer-valued expression in [0, max] to the BALANCE tier, as
   * max unit columns with increasing costs 1, 3, 5, ...: maximising −cost fills them in order, so
   * the sum is exact at integer points without integer columns (the square is convex).
   */
  addSquarePenalty(
    name: string,
    expression: readonly Term[],
    constant: number,
    max: number,
    penalty: number,
  ): void {
    // A constant square does not change which plan is best: leave it out of the model.
    if (penalty === 0 || max <= 0 || expression.length === 0) return;
    const units = Array.from({ length: max }, (_, j) => `${name}q${j + 1}`);
    units.forEach((unit, j) => {
      this.continuous(unit, 0, 1);
      this.addObjective(-penalty * (2 * j + 1), unit, 'BALANCE');
    });
    const terms = [
      ...units.map((u): Term => [1, u]),
      ...expression.map(([c, col]): Term => [-c, col]),
    ];
    this.addRow(`${name}sq`, terms, '=', constant);
  }

  /** The objective coefficients of a tier by column name (repeated columns summed). */
  costs(tier: Tier): Map<string, number> {
    const costs = new Map<string, number>();
    for (const [coefficient, column] of this.objectives[tier]) {
      costs.set(column, (costs.get(column) ?? 0) + coefficient);
    }
    return costs;
  }

  toString(phase: Phase): string {
    const objective = this.objectives[phase.tier];
    const rows =
      phase.tier === 'BALANCE' && this.objectives.PRIMARY.length > 0
        ? [...this.rows, ` primary: ${formatTerms(this.objectives.PRIMARY)} >= ${phase.floor}`]
        : this.rows;
    return [
      'Maximize',
      ` obj: ${objective.length > 0 ? formatTerms(objective) : '0'}`,
      'Subject To',
      ...rows,
      'Bounds',
      ...this.bounds,
      ...(this.integers.length > 0 ? ['Generals', ` ${this.integers.join(' ')}`] : []),
      ...(this.binaries.length > 0 ? ['Binaries', ` ${this.binaries.join(' ')}`] : []),
      'End',
      '',
    ].join('\n');
  }
}

/** Column values of the unit columns of addSquarePenalty for an integer value. */
export function squareUnitValues(
  name: string,
  value: number,
  max: number,
  values: Map<string, number>,
): void {
  for (let j = 1; j <= max; j += 1) values.set(`${name}q${j}`, j <= value ? 1 : 0);
}

function formatTerms(terms: readonly Term[]): string {
  return terms
    .map(([coefficient, column], index) => {
      const sign = coefficient < 0 ? '- ' : index === 0 ? '' : '+ ';
      const magnitude = Math.abs(coefficient);
      return `${sign}${magnitude === 1 ? '' : `${magnitude} `}${column}`;
    })
    .join(' ');
}
