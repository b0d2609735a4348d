// The one web global shared/ may use without taking DOM or Node types: URL (WHATWG), which exists
// in Node and in every browser alike. Only tsconfig.shared.json includes this file.
declare class URL {
  constructor(url: string, base?: string | URL);
  readonly href: string;
  readonly origin: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  toString(): string;
  static canParse?(url: string, base?: string): boolean;
}
