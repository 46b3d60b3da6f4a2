/**
 * Exit codes of the crossfoot command, by severity (as spectral and Office-Addin-Scripts do): the worse the outcome,
 * the higher the code.
 *
 * - 0: the command ran and found nothing wrong (inspect always ends here when the workbook could be read).
 * - 1: reserved for `check`: the workbook was read and checked, and findings at or above the failing severity exist.
 * - 2: the user's input is unusable: a bad command line, or a file that cannot be read (every `CrossfootError`).
 * - 3: an internal error (a bug in crossfoot).
 */
export const ExitCode = {
  Ok: 0,
  Findings: 1,
  BadInput: 2,
  Internal: 3,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
