/**
 * Warnings the core reports without failing (a bad built-in file, a backup that could not be
 * verified). The shell decides where they go; tests collect them.
 */
export type WarningLogger = (message: string) => void

export const consoleWarningLogger: WarningLogger = (message) =>
  console.warn(`Pointbook: ${message}`)
