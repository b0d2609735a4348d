// The part of sax (a strict XML parser, used only to prove JUnit output well-formed) these tests use.
declare module 'sax' {
  interface SaxParser {
    onerror: (e: Error) => void;
    resume(): SaxParser;
    write(s: string): SaxParser;
    close(): SaxParser;
  }
  const sax: { parser(strict: boolean): SaxParser };
  export default sax;
}
