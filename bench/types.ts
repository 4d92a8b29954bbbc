/** One line of `npm run bench`: a measured figure and, where there is one, its budget. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The figure must stay at or below this; absent when the row is informative only. */
  budget?: number;
}
