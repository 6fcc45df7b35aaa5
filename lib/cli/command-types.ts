/** One input file of `extract` / `vet`: a saved HTML page or a JSON body, as read from disk. */
export interface CliFile {
  path: string;
  text: string;
}

/** Options shared by `extract` and `vet`, already validated by the CLI. */
export interface CliPageOptions {
  /** The page the files were captured from (absolute http(s) URL). */
  url: string;
  /** Capture clock in epoch ms from `--at`; absent means the payload's own clock, else now. */
  at?: number;
}

/** What a command hands back: JSON-able output for stdout, or a one-line reason for stderr. */
export type CliCommandResult = { ok: true; output: unknown } | { ok: false; reason: string };
