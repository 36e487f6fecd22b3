/** The parts of Frictionless' `datapackage` library (which ships no types) the tests use. */
declare module 'datapackage' {
  export class Resource {
    name: string;
    descriptor: { path: string; schema: { primaryKey: string[] } } & Record<string, unknown>;
    read(options: { keyed: true; cast: true }): Promise<Record<string, unknown>[]>;
  }
  export class Package {
    static load(descriptor: string, options?: Record<string, unknown>): Promise<Package>;
    valid: boolean;
    errors: Error[];
    descriptor: Record<string, unknown>;
    resources: Resource[];
  }
}
