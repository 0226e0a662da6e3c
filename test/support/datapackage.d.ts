/** The part of the Frictionless reference implementation (`datapackage` on npm, untyped) the tests use. */
declare module 'datapackage' {
  export class Resource {
    readonly name: string;
    readonly descriptor: Record<string, unknown>;
    readonly tabular: boolean;
    read(options?: { keyed?: boolean; cast?: boolean; relations?: boolean }): Promise<Record<string, unknown>[]>;
  }
  export class Package {
    static load(descriptor: string | object, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    readonly descriptor: Record<string, unknown>;
    readonly resources: Resource[];
  }
}
