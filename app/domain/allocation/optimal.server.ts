// Optimal suggestion: the selection of full awards with the highest total weighted score that
// fits the pot, under optional constraints, solved exactly as a 0-1 integer programme by HiGHS
// (the `highs` package, WebAssembly). No I/O apart from loading the solver once per process;
// `.server` because the WebAssembly runtime belongs on the server, not in a browser bundle.
//
//   maximise   Σ scoreᵢ xᵢ                       xᵢ ∈ {0, 1}: bid i gets its full award aᵢ
//   subject to Σ aᵢ xᵢ ≤ available pot
//              Σ_{i in area A} aᵢ xᵢ ≥ minimum for A          (ring-fence, per area)
//              Σ_{i with priority P} aᵢ xᵢ ≥ minimum for P   (and/or a minimum number of awards)
//              Σ_{i of organisation O} xᵢ ≤ 1                (one award per organisation)
//
// Scores are integers (basis points) so the objective is an integer: the solver is told to stop
// only when the gap is below 1 point (mip_abs_gap), which proves optimality. The solution is
// rounded to 0/1 and every constraint re-checked in exact integer arithmetic before it is used.
import loadHighs, { type Highs } from "highs";
import { formatPounds } from "~/lib/money";
import {
  awardCeilingPence,
  inRankOrder,
  overPotExplanation,
  unfundableReason,
  type AllocationCandidate,
  type AllocationRound,
  type Suggestion,
  type SuggestionLine,
} from "./candidates";

export type AreaMinimum = { areaId: string; label: string; minPence: number };
export type PriorityMinimum = { priorityId: string; label: string; minPence?: number; minAwards?: number };

export type OptimalConstraints = {
  /** Ring-fences: at least this much to bids serving the area (a bid's whole award counts for each area it serves). */
  areaMinimums?: readonly AreaMinimum[];
  /** At least this much, and/or this many awards, to bids addressing the priority. */
  priorityMinimums?: readonly PriorityMinimum[];
  onePerOrganisation?: boolean;
};

export type OptimalOptions = {
  /** Wall-clock limit for the solver; the best selection found so far is returned with its gap. */
  timeLimitSeconds?: number;
};

export type OptimalStatus = "optimal" | "time_limit" | "infeasible" | "error";

export type ConstraintReport = {
  kind: "area_minimum" | "priority_minimum" | "one_per_organisation";
  label: string;
  requiredPence: number;
  requiredAwards: number;
  achievedPence: number;
  achievedAwards: number;
  /** The most the eligible bids could give this constraint (everything they ask for). */
  possiblePence: number;
  met: boolean;
  text: string;
};

export type OptimalSuggestion = Suggestion & {
  method: "optimal";
  status: OptimalStatus;
  statusText: string;
  /** Total score of the selection (basis points); null when there is none. */
  objectiveBasisPoints: number | null;
  /** Best bound the solver proved; equals the objective when optimal. */
  dualBoundBasisPoints: number | null;
  /** Relative MIP gap reported by HiGHS (0 when proved optimal); null when there is no selection. */
  mipGap: number | null;
  constraints: ConstraintReport[];
  candidatesConsidered: number;
  solveMilliseconds: number;
};

let solver: Promise<Highs> | undefined;

/** The HiGHS runtime, loaded once per process and reused (a failed load is retried next time). */
export function loadSolver(): Promise<Highs> {
  solver ??= loadHighs().catch((error: unknown) => {
    solver = undefined;
    throw error;
  });
  return solver;
}

type Column = { candidate: AllocationCandidate; amount: number; score: number };
type Row = { label: string; lower: number; upper: number; entries: [column: number, value: number][] };

const sortedKeys = <T>(map: Map<string, T>) => [...map.keys()].sort();

export async function suggestOptimal(
  candidates: readonly AllocationCandidate[],
  round: AllocationRound,
  constraints: OptimalConstraints = {},
  options: OptimalOptions = {},
): Promise<OptimalSuggestion> {
  const available = Math.max(0, round.availablePence);
  const ordered = inRankOrder(candidates);
  // Rank order fixes the column order, so the same bids give the same model and the same answer.
  const columns: Column[] = ordered
    .filter((c) => unfundableReason(c, round) === null)
    .map((candidate) => ({ candidate, amount: awardCeilingPence(candidate, round), score: candidate.scoreBasisPoints ?? 0 }));

  const rows: Row[] = [{ label: "pot", lower: -Infinity, upper: available, entries: columns.map((c, j) => [j, c.amount]) }];
  const areaRows = (constraints.areaMinimums ?? []).map((area) => {
    const row: Row = { label: `area ${area.label}`, lower: area.minPence, upper: Infinity, entries: [] };
    columns.forEach((c, j) => c.candidate.areaIds.includes(area.areaId) && row.entries.push([j, c.amount]));
    return row;
  });
  const priorityRows = (constraints.priorityMinimums ?? []).flatMap((priority) => {
    const members = columns.flatMap((c, j) => (c.candidate.priorityIds.includes(priority.priorityId) ? [j] : []));
    const result: Row[] = [];
    if (priority.minPence)
      result.push({ label: `priority ${priority.label}`, lower: priority.minPence, upper: Infinity, entries: members.map((j) => [j, columns[j]!.amount]) });
    if (priority.minAwards)
      result.push({ label: `priority ${priority.label} awards`, lower: priority.minAwards, upper: Infinity, entries: members.map((j) => [j, 1]) });
    return result;
  });
  const byOrganisation = new Map<string, number[]>();
  columns.forEach((c, j) => {
    const members = byOrganisation.get(c.candidate.organisationId);
    if (members) members.push(j);
    else byOrganisation.set(c.candidate.organisationId, [j]);
  });
  const organisationRows: Row[] = constraints.onePerOrganisation
    ? sortedKeys(byOrganisation)
        .map((organisationId) => byOrganisation.get(organisationId)!)
        .filter((members) => members.length > 1)
        .map((members) => ({ label: "one per organisation", lower: -Infinity, upper: 1, entries: members.map((j) => [j, 1]) }))
    : [];
  rows.push(...areaRows, ...priorityRows, ...organisationRows);

  const started = performance.now();
  const solved = await solve(columns, rows, options);
  const solveMilliseconds = performance.now() - started;

  let selected = solved.selected;
  let status = solved.status;
  let statusText = solved.statusText;
  if (selected && !rows.every((row) => satisfies(row, selected!))) {
    // Defence against solver tolerances: never hand back a selection that breaks a rule.
    selected = null;
    status = "error";
    statusText = "The solver's answer did not meet every rule when checked exactly, so it is not offered";
  }

  const chosen = new Set(selected ? columns.flatMap((c, j) => (selected![j] ? [c.candidate.bidId] : [])) : []);
  // Looked up by bid and by organisation, never searched for, so explaining 5,000 lines stays linear.
  const columnOf = new Map(columns.map((c) => [c.candidate.bidId, c]));
  const fundedOf = new Map<string, Column[]>();
  for (const c of columns) {
    if (!chosen.has(c.candidate.bidId)) continue;
    const funded = fundedOf.get(c.candidate.organisationId);
    if (funded) funded.push(c);
    else fundedOf.set(c.candidate.organisationId, [c]);
  }
  const totalAwardPence = columns.reduce((sum, c) => sum + (chosen.has(c.candidate.bidId) ? c.amount : 0), 0);
  const leftover = available - totalAwardPence;
  const areaLabels = (candidate: AllocationCandidate) =>
    (constraints.areaMinimums ?? []).filter((a) => candidate.areaIds.includes(a.areaId)).map((a) => `counts towards the ${a.label} ring-fence`);

  const lines: SuggestionLine[] = ordered.map((candidate) => {
    const base = { bidId: candidate.bidId, reference: candidate.reference, rank: candidate.rank, requestedPence: candidate.amountRequestedPence };
    const unfundable = unfundableReason(candidate, round);
    if (unfundable) return { ...base, awardPence: 0, ...unfundable };
    const column = columnOf.get(candidate.bidId)!;
    if (!selected) {
      const why = status === "infeasible" ? "no selection meets every constraint within the pot" : statusText;
      return { ...base, awardPence: 0, outcome: "not_funded", explanation: `not funded: ${why}` };
    }
    if (chosen.has(candidate.bidId)) {
      const capped = column.amount < candidate.amountRequestedPence ? `capped at the round maximum of ${formatPounds(round.maxAwardPence)}` : null;
      const where = status === "optimal" ? "in the highest-scoring selection that fits" : "in the best selection found before the time limit";
      const notes = [capped, ...areaLabels(candidate)].filter(Boolean);
      return {
        ...base,
        awardPence: column.amount,
        outcome: "funded",
        explanation: `funded: rank ${candidate.rank}, ${where}${notes.length ? `; ${notes.join("; ")}` : ""}`,
      };
    }
    const sibling = constraints.onePerOrganisation ? fundedOf.get(candidate.organisationId)?.[0] : undefined;
    if (sibling)
      return { ...base, awardPence: 0, outcome: "skipped", explanation: `skipped: one award per organisation (${sibling.candidate.reference} is funded)` };
    if (column.amount > leftover) {
      return { ...base, awardPence: 0, outcome: "skipped", explanation: overPotExplanation(column.amount, leftover) };
    }
    return { ...base, awardPence: 0, outcome: "skipped", explanation: "skipped: not in the best selection the solver found before the time limit" };
  });

  const achieved = (members: (c: AllocationCandidate) => boolean) => {
    const inside = columns.filter((c) => members(c.candidate));
    const funded = inside.filter((c) => chosen.has(c.candidate.bidId));
    return { pence: funded.reduce((s, c) => s + c.amount, 0), awards: funded.length, possible: inside.reduce((s, c) => s + c.amount, 0) };
  };
  const reports: ConstraintReport[] = [
    ...(constraints.areaMinimums ?? []).map((area): ConstraintReport => {
      const a = achieved((c) => c.areaIds.includes(area.areaId));
      return report("area_minimum", `${area.label} ring-fence`, area.minPence, 0, a, selected !== null);
    }),
    ...(constraints.priorityMinimums ?? []).map((priority): ConstraintReport => {
      const a = achieved((c) => c.priorityIds.includes(priority.priorityId));
      return report("priority_minimum", priority.label, priority.minPence ?? 0, priority.minAwards ?? 0, a, selected !== null);
    }),
  ];
  if (constraints.onePerOrganisation) {
    const most = Math.max(0, ...[...fundedOf.values()].map((funded) => funded.length));
    reports.push({
      kind: "one_per_organisation",
      label: "One award per organisation",
      requiredPence: 0,
      requiredAwards: 0,
      achievedPence: totalAwardPence,
      achievedAwards: chosen.size,
      possiblePence: 0,
      met: most <= 1,
      text: most <= 1 ? "One award per organisation: met" : "One award per organisation: not met",
    });
  }

  const objective = selected ? columns.reduce((sum, c) => sum + (chosen.has(c.candidate.bidId) ? c.score : 0), 0) : null;
  return {
    method: "optimal",
    status,
    statusText,
    lines,
    totalAwardPence,
    remainingPence: leftover,
    totalScoreBasisPoints: objective ?? 0,
    objectiveBasisPoints: objective,
    dualBoundBasisPoints: solved.dualBound,
    mipGap: selected ? solved.mipGap : null,
    constraints: reports,
    candidatesConsidered: columns.length,
    solveMilliseconds,
  };
}

function report(
  kind: ConstraintReport["kind"],
  label: string,
  requiredPence: number,
  requiredAwards: number,
  a: { pence: number; awards: number; possible: number },
  hasSelection: boolean,
): ConstraintReport {
  const met = hasSelection && a.pence >= requiredPence && a.awards >= requiredAwards;
  const wanted = [
    requiredPence > 0 ? `at least ${formatPounds(requiredPence)}` : null,
    requiredAwards > 0 ? `at least ${requiredAwards} award${requiredAwards === 1 ? "" : "s"}` : null,
  ]
    .filter(Boolean)
    .join(" and ");
  const text = !hasSelection
    ? a.possible < requiredPence
      ? `${label}: eligible bids ask for ${formatPounds(a.possible)} in total, less than the ${formatPounds(requiredPence)} required`
      : `${label}: ${wanted} required`
    : `${label}: ${formatPounds(a.pence)} in ${a.awards} award${a.awards === 1 ? "" : "s"} (${wanted} required)${met ? "" : " — not met"}`;
  return { kind, label, requiredPence, requiredAwards, achievedPence: a.pence, achievedAwards: a.awards, possiblePence: a.possible, met, text };
}

function satisfies(row: Row, selected: readonly boolean[]) {
  const activity = row.entries.reduce((sum, [j, value]) => sum + (selected[j] ? value : 0), 0);
  return activity >= row.lower && activity <= row.upper;
}

type Solved = { status: OptimalStatus; statusText: string; selected: boolean[] | null; mipGap: number | null; dualBound: number | null };

async function solve(columns: readonly Column[], rows: readonly Row[], options: OptimalOptions): Promise<Solved> {
  if (columns.length === 0) {
    const feasible = rows.every((row) => satisfies(row, []));
    return feasible
      ? { status: "optimal", statusText: "No bid can be funded, so there is nothing to choose", selected: [], mipGap: 0, dualBound: 0 }
      : { status: "infeasible", statusText: "No selection meets every constraint within the pot", selected: null, mipGap: null, dualBound: null };
  }
  const highs = await loadSolver();
  const n = columns.length;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    for (const [j, value] of row.entries) {
      indices.push(j);
      values.push(value);
    }
    starts.push(indices.length);
  }
  const finite = (v: number) => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v);
  const model = highs.createModel({
    numCols: n,
    numRows: rows.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: columns.map((c) => c.score),
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(1),
    rowLower: rows.map((r) => finite(r.lower)),
    rowUpper: rows.map((r) => finite(r.upper)),
    matrix: { format: "csr", numRows: rows.length, numCols: n, starts, indices, values },
    integrality: new Int32Array(n).fill(highs.constants.variableType.integer),
  });
  try {
    const timeLimit = options.timeLimitSeconds ?? 10;
    model.options.set({ output_flag: false, time_limit: timeLimit, mip_rel_gap: 0, mip_abs_gap: 0.999 });
    const { modelStatus } = model.run();
    const codes = highs.constants.modelStatus;
    const hasSolution = Number(model.info.get("primal_solution_status")) === highs.constants.solutionStatus.feasible;
    const selected = hasSolution ? Array.from(model.getSolution().colValue, (v) => v > 0.5) : null;
    const gap = hasSolution ? Number(model.info.get("mip_gap")) : NaN;
    const bound = hasSolution ? Number(model.info.get("mip_dual_bound")) : NaN;
    const mipGap = Number.isFinite(gap) ? Math.max(0, gap) : null;
    const dualBound = Number.isFinite(bound) ? Math.floor(bound + 1e-6) : null;
    if (modelStatus === codes.optimal) return { status: "optimal", statusText: "Best possible selection (proved optimal)", selected, mipGap, dualBound };
    if (modelStatus === codes.infeasible)
      return { status: "infeasible", statusText: "No selection meets every constraint within the pot", selected: null, mipGap: null, dualBound: null };
    if (modelStatus === codes.timeLimit) {
      return selected
        ? {
            status: "time_limit",
            statusText: `Stopped at the ${timeLimit}-second time limit; the selection is within ${((mipGap ?? 0) * 100).toFixed(2)}% of the best possible`,
            selected,
            mipGap,
            dualBound,
          }
        : {
            status: "time_limit",
            statusText: `Stopped at the ${timeLimit}-second time limit before finding a selection`,
            selected: null,
            mipGap: null,
            dualBound: null,
          };
    }
    return {
      status: "error",
      statusText: `The solver stopped without an answer (HiGHS model status ${modelStatus})`,
      selected: null,
      mipGap: null,
      dualBound: null,
    };
  } finally {
    model.dispose();
  }
}
