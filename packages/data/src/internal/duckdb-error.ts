import { CtpipeError, type ErrorDetails } from '@ctpipe/errors';

/**
 * DuckDB reports bad input as prose ("CSV Error on Line: 3 … Expected Number of Columns: 2 Found: 3").
 * A user needs the file and line, not the prose, so the known shapes are parsed into CtpipeError details.
 * Anything that is not about the input is returned unchanged: the edges turn it into INTERNAL.
 */
export function fromDuckDbError(err: unknown): unknown {
  if (!(err instanceof Error) || err instanceof CtpipeError) return err;
  const text = err.message;
  const csvLine = /CSV Error on Line: (\d+)/.exec(text);
  if (csvLine) return csvError(text, Number(csvLine[1]), err);
  if (/^(Invalid Input|Conversion) Error:/.test(text)) return inputError(text, err);
  return err;
}

function csvError(text: string, line: number, cause: Error): CtpipeError {
  const details: ErrorDetails = { file: match(text, /\n\s*file = (.+)\n/), line };
  const content = match(text, /Original Line: (.*)/);
  if (content !== undefined) details.content = content;
  const width = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(text);
  const conversion =
    /Error when converting column "(.+?)"\. Could not convert string "(.*?)" to '(.+?)'/.exec(text);
  let problem = firstLine(text);
  if (width) {
    details.expected = `${width[1]} columns`;
    details.found = `${width[2]} columns`;
    problem = `row has ${width[2]} columns, the header has ${width[1]}`;
  } else if (conversion) {
    details.column = conversion[1];
    details.expected = conversion[3];
    details.found = conversion[2];
    problem =
      `column "${conversion[1]}": cannot read "${conversion[2]}" as ${conversion[3]}` +
      ' (the type was inferred from the first rows of the file)';
  }
  return new CtpipeError('BAD_INPUT', `${details.file ?? 'CSV'}:${line}: ${problem}`, { details, cause });
}

function inputError(text: string, cause: Error): CtpipeError {
  const details: ErrorDetails = {};
  const file = match(text, /in file "(.+?)"/) ?? match(text, /file '(.+?)'/);
  if (file !== undefined) details.file = file;
  const line = match(text, /in line (\d+)/);
  if (line !== undefined) details.line = Number(line);
  const record = match(text, /in record\/value (\d+)/);
  if (record !== undefined) details.row = Number(record);
  const message = firstLine(text).replace(/^(Invalid Input|Conversion) Error:\s*/, '');
  return new CtpipeError('BAD_INPUT', message, { details, cause });
}

function match(text: string, re: RegExp): string | undefined {
  return re.exec(text)?.[1]?.trim();
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? text).trim();
}
