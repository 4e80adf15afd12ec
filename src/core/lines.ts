// Splits a stream of text into lines as node:readline does with crlfDelay: Infinity (\n, \r\n and a lone \r end a
// line; a \r\n split across two chunks is one end), without readline's Interface: go's stderr is read line by line
// from the first millisecond of `gomodctl tidy`, and loading readline cost ~5 ms there.

/** Feeds chunks with push(); end() flushes the last line (one without a terminator is still a line). */
interface LineSplitter {
  push(chunk: string): void;
  end(): void;
}

/** A splitter that calls onLine once per line, without its terminator, in order. */
export function createLineSplitter(onLine: (line: string) => void): LineSplitter {
  let rest = '';
  let afterCr = false; // the previous chunk ended with \r: a \n starting this one belongs to it
  return {
    push(chunk) {
      if (chunk === '') return;
      let from = 0;
      if (afterCr && chunk.charCodeAt(0) === 10) from = 1;
      afterCr = false;
      const text = rest + chunk.slice(from);
      let start = 0;
      for (let i = rest.length; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c !== 10 && c !== 13) continue;
        onLine(text.slice(start, i));
        if (c === 13) {
          if (i + 1 === text.length) afterCr = true;
          else if (text.charCodeAt(i + 1) === 10) i++;
        }
        start = i + 1;
      }
      rest = text.slice(start);
    },
    end() {
      if (rest !== '') onLine(rest);
      rest = '';
      afterCr = false;
    },
  };
}
