import { CATEGORIES } from '../categories.js';
import { COMMAND_NAMES, COMMANDS, type CommandName, commandGroups } from './commands.js';
import { ENVIRONMENT } from './environment.js';
import { OPTIONS, type OptionGroup, optionLabel } from './options.js';

const BIN = 'horde-model-reference';
const WIDTH = 100;

/** `text` in lines that fit the width once indented by `indent` spaces. */
function lines(text: string, indent: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent + line.length + 1 + word.length > WIDTH) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  out.push(line);
  return out;
}

function wrap(text: string, indent: number): string {
  return lines(text, indent)
    .map((line) => `${' '.repeat(indent)}${line}`)
    .join('\n');
}

/** Two columns, the second wrapped to the width. */
function columns(rows: readonly (readonly [string, string])[]): string {
  const left = Math.max(...rows.map(([l]) => l.length)) + 2;
  return rows
    .flatMap(([l, r]) =>
      lines(r, left + 2).map((text, i) => `  ${(i === 0 ? l : '').padEnd(left)}${text}`.trimEnd()),
    )
    .join('\n');
}

function optionRows(group: OptionGroup): string {
  return columns(OPTIONS.filter((o) => o.group === group).map((o) => [optionText(o), o.help]));
}

function optionText(option: (typeof OPTIONS)[number]): string {
  return option.short ? `-${option.short}, ${optionLabel(option)}` : optionLabel(option);
}

const ENVIRONMENT_TEXT = `Environment (a flag on the command line wins over its variable):
${columns(ENVIRONMENT.map(([name, meaning]) => [name, meaning]))}`;

const EXIT_CODES = `Exit codes:
  0    ok
  1    the work failed: no source answered (every source tried is listed, with why), a model
       not found, an unreadable snapshot file
  2    bad usage: unknown command, option or category, a bad search parameter (the message
       says what is allowed)
  130  interrupted by Ctrl-C`;

/** The overview printed by `--help` (and, on stderr, when no command is given). */
export function usage(): string {
  return `Usage: ${BIN} <command> [arguments] [options]

The AI-Horde model reference: read from the PRIMARY (v2, then v1), falling back to raw GitHub,
then to the last-known-good data cached on disk.

Commands:
${columns(COMMAND_NAMES.map((name) => [`${name} ${COMMANDS[name].args}`.trim(), COMMANDS[name].summary]))}

Options of every command:
${optionRows('global')}

Run \`${BIN} <command> --help\` for a command's arguments, options and examples.

Categories:
${wrap(CATEGORIES.join(', '), 2)}

${ENVIRONMENT_TEXT}

${EXIT_CODES}`;
}

/** The `--help` of one command. */
export function commandHelp(name: CommandName): string {
  const spec = COMMANDS[name];
  const own = commandGroups(name)
    .map((group) => `\n${group === 'search' ? 'Filters' : 'Options'}:\n${optionRows(group)}\n`)
    .join('');
  return `Usage: ${BIN} ${name} ${spec.args ? `${spec.args} ` : ''}[options]

${spec.summary[0]?.toUpperCase()}${spec.summary.slice(1)}.
${spec.details.join('\n')}
${own}
Options of every command:
${optionRows('global')}

Examples:
${spec.examples.map((example) => `  ${BIN} ${example}`).join('\n')}

${ENVIRONMENT_TEXT}

${EXIT_CODES}`;
}
