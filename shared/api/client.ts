import { type Input, type MethodName, type Output, methodNames } from './contract';

export { type Transport, createApi } from './transport';

/** The domain of a method name: 'themes.clauses' → 'themes'. */
type DomainOf<M extends string> = M extends `${infer D}.${string}` ? D : never;
type LeafOf<M extends string, D extends string> = M extends `${D}.${infer L}` ? L : never;
/** A method whose every input field is optional may be called without an argument. */
type ClientMethod<M extends MethodName> =
  Record<never, never> extends Input<M> ? (input?: Input<M>) => Promise<Output<M>> : (input: Input<M>) => Promise<Output<M>>;

/**
 * The contract as a typed client namespaced by domain: `client.themes.clauses({ docId })`.
 * Inputs are checked by tsc at every call site, results are typed by the contract, and the
 * dispatcher behind it validates both at run time. In-process callers (features calling each
 * other through the backend context, the CLI, export, the tests) all use this one client.
 */
export type Client = {
  [D in DomainOf<MethodName>]: { [L in LeafOf<MethodName, D>]: ClientMethod<`${D}.${L}` & MethodName> };
};

/** Builds the namespaced client over one dispatcher (the backend's `invoke`, or HTTP in e2e tests). */
export function createClient(dispatch: (method: MethodName, input: unknown) => Promise<unknown>): Client {
  const client: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const name of methodNames) {
    const dot = name.indexOf('.');
    const domain = name.slice(0, dot);
    (client[domain] ??= {})[name.slice(dot + 1)] = (input?: unknown) => dispatch(name, input ?? {});
  }
  return client as unknown as Client;
}
