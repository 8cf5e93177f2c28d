/**
 * The runner, as the entry talks to it: log lines, masks, outputs, the job summary, the step's status.
 * This writes the runner's documented file and stdout commands itself (the same ones @actions/core
 * writes; test/contract holds the two to the same output), because loading @actions/core takes longer
 * than a whole command (it pulls in undici). Every log line goes through one function: no text from an
 * API can start a workflow command, and no secret, nor a fragment of one, is written anywhere.
 */
import { appendFileSync } from 'node:fs';
import { logLine, scrub } from './core/text.js';

export interface Toolkit {
  info(text: string): void;
  warning(text: string): void;
  /** Marks the step failed, with this one-line message. */
  fail(text: string): void;
  /** Masks a secret in the runner's log, and removes it (and any fragment) from everything written after. */
  mask(secret: string): void;
  setOutputs(outputs: Readonly<Record<string, string>>): void;
  appendSummary(html: string): void;
}

export type Env = Readonly<Record<string, string | undefined>>;

/** An input as the runner passes it (`INPUT_<NAME>`), trimmed: undefined when it is not set at all. */
export function inputOf(env: Env, name: string): string | undefined {
  return env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim();
}

/** Both tokens, as given: what no text the action writes or posts may hold a piece of. */
export function secretsOf(env: Env): string[] {
  return ['netlify-token', 'github-token'].map((name) => inputOf(env, name) ?? '').filter((value) => value.length >= 8);
}

/** The runner's data escaping for workflow command messages. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Where the toolkit writes: the process's stdout and exit code, or a test's capture. */
export interface Sink {
  readonly write: (text: string) => void;
  readonly failed: () => void;
}

const PROCESS: Sink = {
  write: (text) => process.stdout.write(text),
  failed: () => {
    process.exitCode = 1;
  },
};

export function runnerToolkit(env: Env, sink: Sink = PROCESS): Toolkit {
  const { write } = sink;
  const secrets: string[] = [];
  const clean = (text: string) => scrub(text, secrets);
  /** Each line of `text`, made safe: the runner reads `::` at a line's start as a command. */
  const lines = (text: string) => clean(text).split('\n').map(logLine);
  return {
    info(text) {
      for (const line of lines(text)) write(`${line}\n`);
    },
    warning(text) {
      write(`::warning::${escapeData(lines(text).join(' '))}\n`);
    },
    fail(text) {
      write(`::error::${escapeData(lines(text).join(' '))}\n`);
      sink.failed();
    },
    mask(secret) {
      if (!secret || secrets.includes(secret)) return;
      secrets.push(secret);
      // The value goes to the runner only in this command, which the runner consumes and never shows.
      write(`::add-mask::${escapeData(secret)}\n`);
    },
    setOutputs(outputs) {
      const file = env.GITHUB_OUTPUT;
      if (!file) return;
      // A random delimiter no value holds (checked): the runner reads each value up to its line. Not
      // crypto.randomUUID: loading webcrypto costs more than the rest of a run's output.
      const delimiter = `ghadelimiter_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
      const blocks = Object.entries(outputs).map(([name, value]) => {
        const text = clean(value);
        if (text.includes(delimiter)) throw new Error(`The value of output ${name} holds its delimiter.`);
        return `${name}<<${delimiter}\n${text}\n${delimiter}\n`;
      });
      appendFileSync(file, blocks.join(''));
    },
    appendSummary(html) {
      const file = env.GITHUB_STEP_SUMMARY;
      if (!file) return;
      try {
        appendFileSync(file, clean(html));
      } catch {
        // A failed summary must not hide the outcome: the outputs and the log already carry it.
        write('::warning::Could not write the job summary.\n');
      }
    },
  };
}
